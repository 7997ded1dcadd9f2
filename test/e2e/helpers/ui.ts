import type { Locator, Page } from 'playwright-core';

/** Waits for an admin notification (success toasts are role=status, danger ones role=alert). */
export const expectNotification = (page: Page, text: string | RegExp) =>
  page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: text }).first().waitFor();

/** Picks an option of a Design System select; the options open in a portal, outside `scope`. */
export const choose = async (page: Page, scope: Locator | Page, comboboxName: string, option: string) => {
  await scope.getByRole('combobox', { name: comboboxName, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};
