import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SCREENSHOTS } from './paths';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

/** A page in a fresh context (own cookies and localStorage), so each user logs in separately. */
export const newPage = async (browser: Browser, locale = 'en-US'): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  return page;
};

/** Screenshots are numbered in the order they are taken, so the folder reads like the test. */
export const screenshotter = (suite: string) => {
  const dir = path.join(SCREENSHOTS, suite);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page: Page, name: string) => {
    n += 1;
    const file = path.join(dir, `${String(n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
};
