/**
 * Recurring imports and scheduled exports in a real browser against the built
 * playground, with a CSV served by an HTTP server the suite starts on
 * 127.0.0.1 (allowed by CONTACTS_SOURCE_ALLOW_LIST; 10.x is not): a recurring
 * import made from an earlier import of the history, its URL source tested
 * (refused for a private address, then the file it would read), saved with a
 * password that never comes back, run now, its run imported with a link to
 * the import and the contacts in the base; edited (the password stays "set",
 * a new schedule), run again and skipped as unchanged; a scheduled export made
 * from an export of the history, kept in the history, run now and seen in its
 * runs with its file; both deleted after confirmation.
 * Screenshots: test/.artifacts/screenshots/schedules/ (full pages) and
 * test/.artifacts/screenshots/schedules-docs/ (1280×800, for docs/screenshots).
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import type { Browser, Page } from 'playwright-core';
import { AdminApi } from './helpers/admin-api';
import { launchBrowser, newPage, screenshotter } from './helpers/browser';
import { loginAs } from './helpers/login';
import { SCREENSHOTS } from './helpers/paths';
import { ADMIN, startPlayground, type Playground } from './helpers/playground';
import { expectNotification as notified } from './helpers/ui';
import { eventually, waitForCount, waitForText } from './helpers/wait';

jest.setTimeout(240000);

const BASE = '/admin/plugins/contacts';
const FEED_USER = 'feed';
const FEED_PASSWORD = 'pa55-w0rd';
const TEMPLATE_CSV = 'email,firstName,lastName\ntemplate@schedules.test,Tem,Plate\n';
const FEED_CSV = 'email,firstName,lastName\nana@schedules.test,Ana,Martin\nbob@schedules.test,Bob,Durand\ncleo@schedules.test,Cleo,Petit\n';
const FEED_EMAILS = ['ana@schedules.test', 'bob@schedules.test', 'cleo@schedules.test'];
const RECURRING = 'Shop feed';
const SCHEDULED = 'Nightly base';

let app: Playground;
let browser: Browser;
let api: AdminApi;
let page: Page;
let web: http.Server;
let feedUrl = '';
const feedHits: string[] = [];
const shot = screenshotter('schedules');
const DOCS = path.join(SCREENSHOTS, 'schedules-docs');
const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-e2e-schedules-'));

/** A viewport-sized picture for the README, once the success toasts (gone after a few seconds) no longer cover the header. */
const docShot = async (name: string, toasts: string[]) => {
  for (const text of toasts) await page.getByText(text).first().waitFor({ state: 'hidden', timeout: 20000 });
  fs.mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: path.join(DOCS, `${name}.png`) });
};

/** The shop's feed behind basic auth, as a recurring import reads it. */
const startWeb = async () => {
  web = http.createServer((req, res) => {
    feedHits.push(req.url ?? '');
    if (req.url !== '/exports/contacts.csv') return res.writeHead(404).end();
    if (req.headers.authorization !== `Basic ${Buffer.from(`${FEED_USER}:${FEED_PASSWORD}`).toString('base64')}`) return res.writeHead(401).end();
    res.writeHead(200, { 'content-type': 'text/csv' }).end(FEED_CSV);
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', () => resolve()));
  feedUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/exports/contacts.csv`;
};

/** An import of the history made through the API (upload, start, wait): the template of the recurring import. */
const importOnce = async (name: string, csv: string) => {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), name);
  const res = await fetch(`${app.url}/contacts/imports`, { method: 'POST', headers: { Authorization: `Bearer ${api.token}` }, body: form });
  const body = (await res.json()) as any;
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
  const id = body.data.documentId as string;
  await api.ok('POST', `/contacts/imports/${id}/start`);
  await eventually(async () => (await api.ok('GET', `/contacts/imports/${id}`)).data.status === 'imported', `import ${name} imported`, 60000);
  return id;
};

beforeAll(async () => {
  await startWeb();
  process.env.CONTACTS_QUEUE_TICK_SECONDS = '1';
  process.env.CONTACTS_SOURCE_ALLOW_LIST = '127.0.0.1';
  // Runs are started with "Run now" here; the schedule's own claim has its server suite.
  process.env.CONTACTS_SCHEDULE_TICK_SECONDS = '3600';
  process.env.CONTACTS_EXPORT_DIR = exportDir;
  app = await startPlayground();
  browser = await launchBrowser();
  api = await AdminApi.login(app.url, ADMIN.email, ADMIN.password);
  await importOnce('shop-template.csv', TEMPLATE_CSV);
  const exported = (await api.ok('POST', '/contacts/exports', { name: 'Whole base', scope: { all: true }, fields: 'main', format: 'csv' })).data;
  await eventually(async () => (await api.ok('GET', `/contacts/exports/${exported.documentId}`)).data.status === 'done', 'the first export done', 60000);
  page = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 800 });
  page.setDefaultTimeout(45000);
});

afterEach(async () => {
  await page?.screenshot({ path: `${SCREENSHOTS}/schedules/last-state.png`, fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  web?.close();
  fs.rmSync(exportDir, { recursive: true, force: true });
});

const expectNotification = (text: string | RegExp) => notified(page, text);
const dialog = () => page.getByRole('dialog');
const recurringRow = () => page.locator(`[data-testid="recurring-import-row"][data-name="${RECURRING}"]`);
const scheduledRow = () => page.locator(`[data-testid="scheduled-export-row"][data-name="${SCHEDULED}"]`);
const outcomeOf = (row: ReturnType<typeof recurringRow>) => row.getAttribute('data-outcome').catch(() => null);

/** Picks the first option of a select whose text matches (the history's options carry their date). */
const pickOption = async (label: string, option: RegExp) => {
  await dialog().getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
};

describe('Recurring imports', () => {
  test('has its own menu entry and starts empty', async () => {
    await loginAs(page, app.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.url}${BASE}/contacts`);
    await page.getByRole('link', { name: 'Recurring imports', exact: true }).click();
    await page.waitForURL(`**${BASE}/recurring-imports**`);
    await page.getByRole('heading', { name: 'Recurring imports', level: 1 }).waitFor();
    await page.getByText('No recurring import yet.').waitFor();
  });

  test('creates one from an earlier import: a private address is refused, the feed is tested, the password never comes back', async () => {
    await page.getByRole('button', { name: 'New recurring import' }).first().click();
    await pickOption('From the import', /^shop-template\.csv/);
    const name = dialog().getByLabel('Name', { exact: true });
    expect(await name.inputValue()).toBe('shop-template.csv');
    await name.fill(RECURRING);

    // 10.x is private and not in the allow-list: the test says why, before anything is saved.
    const url = dialog().getByLabel(/^URL of the file/);
    await url.fill('http://10.20.30.40/contacts.csv');
    await dialog().getByRole('button', { name: 'Test connection' }).click();
    await waitForText(dialog().getByTestId('connection-result'), 'Connection failed');
    await waitForText(dialog().getByTestId('connection-result'), '10.20.30.40');

    await url.fill(feedUrl);
    await dialog().getByRole('radio', { name: 'User and password' }).click();
    await dialog().getByRole('textbox', { name: 'User', exact: true }).fill(FEED_USER);
    await dialog().getByLabel(/^Password/).fill(FEED_PASSWORD);
    await dialog().getByRole('button', { name: 'Test connection' }).click();
    await waitForText(dialog().getByTestId('connection-result'), 'Connection works');
    await waitForText(dialog().getByTestId('connection-file'), feedUrl);

    // Every 30 minutes, the whole file per run.
    await dialog().getByLabel(/^Minutes between runs/).fill('30');
    await shot(page, 'create-form');
    await dialog().getByRole('button', { name: 'Create' }).click();
    await expectNotification('Recurring import created');
    await dialog().waitFor({ state: 'detached' });

    const row = recurringRow();
    await waitForText(row, 'Every 30 minutes');
    await waitForText(row, 'Never run');
    await waitForText(row, feedUrl);
    expect(await row.getAttribute('data-enabled')).toBe('true');
    const list = await api.ok('GET', '/contacts/recurring-imports');
    expect(JSON.stringify(list)).not.toContain(FEED_PASSWORD);
    expect(list.data[0]).toMatchObject({ name: RECURRING, credentials: { hasPassword: true }, source: { kind: 'url', url: feedUrl, username: FEED_USER } });
    await shot(page, 'created');
  });

  test('runs it now: the run imports the feed, links to its import, and the contacts are in the base', async () => {
    const row = recurringRow();
    await row.getByRole('button', { name: `Run ${RECURRING} now` }).click();
    await expectNotification(`${RECURRING}: run started`);
    // The list reads again while the run's import runs.
    await eventually(async () => (await outcomeOf(row)) === 'imported', 'the run imported', 60000);
    await waitForText(row.getByTestId('run-outcome'), 'Imported');
    await shot(page, 'ran');
    await docShot('recurring-01-list', ['Recurring import created', `${RECURRING}: run started`]);

    await row.getByRole('button', { name: `Runs of ${RECURRING}` }).click();
    const run = dialog().getByTestId('run-row').first();
    await waitForText(run.getByTestId('run-outcome'), 'Imported');
    await waitForText(run.getByTestId('run-counters'), '3 created');
    await waitForText(run, 'Run now');
    await shot(page, 'runs');
    const importName = (await run.getByRole('link').textContent())!;
    expect(importName.startsWith(RECURRING)).toBe(true);
    await run.getByRole('link').click();
    await page.waitForURL(new RegExp(`${BASE}/imports/[a-z0-9]+$`));
    await page.getByRole('heading', { name: importName, level: 1 }).waitFor();

    await page.goto(`${app.url}${BASE}/contacts`);
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('schedules.test');
    await waitForCount(page.getByTestId('contact-row'), FEED_EMAILS.length + 1);
    for (const email of FEED_EMAILS) await page.getByTestId('contact-row').getByText(email).waitFor();
    await shot(page, 'contacts');
  });

  test('edits it: the password stays set unless replaced, the schedule changes; an unchanged file is skipped', async () => {
    await page.goto(`${app.url}${BASE}/recurring-imports`);
    const row = recurringRow();
    await row.getByRole('button', { name: `Edit ${RECURRING}` }).click();
    await dialog().getByText('Mapping and options of the import shop-template.csv.').waitFor();
    const secret = dialog().getByTestId('secret-password');
    await waitForText(secret, 'Set');
    expect(await dialog().locator('input[type="password"]').count()).toBe(0);
    await dialog().getByRole('combobox', { name: 'Schedule' }).click();
    await page.getByRole('option', { name: 'Daily at', exact: true }).click();
    await dialog().getByLabel(/^Time \(HH:MM/).fill('06:30');
    await dialog().getByLabel(/^Rows per run at most/).fill('500');
    await dialog().getByRole('button', { name: 'Test connection' }).click();
    // The stored password is used for a saved source's test.
    await waitForText(dialog().getByTestId('connection-result'), 'Connection works');
    await shot(page, 'edit-form');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expectNotification('Recurring import saved');
    await dialog().waitFor({ state: 'detached' });
    await waitForText(row, 'Daily at 06:30 (UTC)');
    const saved = (await api.ok('GET', '/contacts/recurring-imports')).data[0];
    expect(saved).toMatchObject({ schedule: { dailyAt: '06:30', timezone: 'UTC' }, perRunCap: 500, credentials: { hasPassword: true } });

    await row.getByRole('button', { name: `Run ${RECURRING} now` }).click();
    await expectNotification(/nothing to do\. The file has not changed/);
    await eventually(async () => (await outcomeOf(row)) === 'skipped-unchanged', 'the second run skipped');
    await waitForText(row.getByTestId('run-outcome'), 'Skipped: unchanged');
    await row.getByRole('button', { name: `Runs of ${RECURRING}` }).click();
    await waitForCount(dialog().getByTestId('run-row'), 2);
    await waitForText(dialog().getByTestId('run-row').first().getByTestId('run-reason'), 'has not changed');
    await dialog().getByRole('button', { name: 'Close' }).last().click();
    await dialog().waitFor({ state: 'detached' });
  });
});

describe('Scheduled exports', () => {
  test('creates one from an export of the history, kept in the history, and runs it now', async () => {
    await page.getByRole('link', { name: 'Scheduled exports', exact: true }).click();
    await page.waitForURL(`**${BASE}/scheduled-exports**`);
    await page.getByText('No scheduled export yet.').waitFor();
    await page.getByRole('button', { name: 'New scheduled export' }).first().click();
    await pickOption('From the export', /^Whole base/);
    await dialog().getByLabel('Name', { exact: true }).fill(SCHEDULED);
    expect(await dialog().getByRole('radio', { name: 'The exports history only' }).isChecked()).toBe(true);
    await dialog().getByRole('combobox', { name: 'Schedule' }).click();
    await page.getByRole('option', { name: 'Cron expression', exact: true }).click();
    await dialog().getByLabel(/^Cron expression/).fill('0 2 * * *');
    await dialog().getByRole('button', { name: 'Create' }).click();
    await expectNotification('Scheduled export created');
    await dialog().waitFor({ state: 'detached' });
    const row = scheduledRow();
    await waitForText(row, 'Cron 0 2 * * * (UTC)');
    await waitForText(row, 'Exports history only');

    await row.getByRole('button', { name: `Run ${SCHEDULED} now` }).click();
    await expectNotification(`${SCHEDULED}: run started`);
    await eventually(async () => (await outcomeOf(row)) === 'done', 'the scheduled export done', 60000);
    await row.getByRole('button', { name: `Runs of ${SCHEDULED}` }).click();
    const run = dialog().getByTestId('run-row').first();
    await waitForText(run.getByTestId('run-outcome'), 'Done');
    // The export's contacts: the template's and the feed's.
    await waitForText(run.getByTestId('run-rows'), `${FEED_EMAILS.length + 1} rows`);
    const jobName = (await run.getByRole('link').textContent())!;
    expect(jobName.startsWith(SCHEDULED)).toBe(true);
    await shot(page, 'export-runs');
    await docShot('scheduled-export-01-runs', ['Scheduled export created', `${SCHEDULED}: run started`]);
    const [download] = await Promise.all([page.waitForEvent('download'), run.getByRole('button', { name: `Download ${jobName}` }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    for (const email of FEED_EMAILS) expect(csv).toContain(email);

    // The run's export is in the exports history.
    await run.getByRole('link').click();
    await page.waitForURL(new RegExp(`${BASE}/exports(\\?|$)`));
    await page.locator(`[data-testid="export-row"][data-name="${jobName}"]`).waitFor();
  });

  test('deletes the scheduled export and the recurring import after confirmation; their runs stay in the histories', async () => {
    await page.goto(`${app.url}${BASE}/scheduled-exports`);
    await scheduledRow().getByRole('button', { name: `Delete ${SCHEDULED}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expectNotification('Scheduled export deleted');
    await page.getByText('No scheduled export yet.').waitFor();

    await page.goto(`${app.url}${BASE}/recurring-imports`);
    await recurringRow().getByRole('button', { name: `Delete ${RECURRING}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expectNotification('Recurring import deleted');
    await page.getByText('No recurring import yet.').waitFor();
    const imports = (await api.ok('GET', '/contacts/imports')).data.map((i: any) => i.name);
    expect(imports.some((n: string) => n.startsWith(RECURRING))).toBe(true);
    expect(feedHits.filter((u) => u === '/exports/contacts.csv').length).toBeGreaterThanOrEqual(3);
  });
});
