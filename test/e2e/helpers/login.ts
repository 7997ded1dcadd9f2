import type { Page } from 'playwright-core';

/** Logs in through the admin's login form and waits for the panel. */
export const loginAs = async (page: Page, baseUrl: string, email: string, password: string) => {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30000 });
  await page.getByRole('navigation').first().waitFor();
  await dismissAnnouncements(page);
};

/** Strapi's own "new Media Library" banner covers the top of every screenshot; close it once per session. */
const dismissAnnouncements = async (page: Page) => {
  const banner = page.getByText('Introducing the new Media Library');
  try {
    await banner.waitFor({ timeout: 3000 });
  } catch {
    return;
  }
  // Not just /Close/: the home page also has a "Close guided tour" button, which opens a dialog.
  await page
    .getByRole('button', { name: /^Close the banner/ })
    .first()
    .click();
  await banner.waitFor({ state: 'hidden' });
};
