import type { Locator } from 'playwright-core';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** playwright-core has no auto-retrying expect: poll until `check` passes or time runs out. */
export const eventually = async (check: () => Promise<boolean>, what: string, timeout = 15000) => {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(150);
  }
};

export const waitForCount = (locator: Locator, count: number, timeout?: number) =>
  eventually(async () => (await locator.count()) === count, `${count} × ${locator}`, timeout);

export const waitForText = (locator: Locator, text: string, timeout?: number) =>
  eventually(
    async () => ((await locator.textContent().catch(() => '')) ?? '').includes(text),
    `"${text}" in ${locator}`,
    timeout,
  );
