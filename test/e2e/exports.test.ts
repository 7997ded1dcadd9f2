/**
 * Exports in a real browser against the built playground: the empty history;
 * a segment exported from its row as CSV (all fields, semicolons, BOM, a
 * multiselect as X columns) and as XLSX (fields picked and reordered, keys as
 * headers), each watched to done on the exports page, downloaded through the
 * browser and read back (csv-parse; exceljs with typed numbers and dates), a
 * value starting with "=" neutralised in both; a quick search of the contacts
 * page exported, notified wherever the person is with a badge on the Exports
 * entry until they look; an export deleted.
 * Screenshots: test/.artifacts/screenshots/exports/.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { MAIN_EXPORT_FIELDS } from '../../shared/exports';
import { parseCsv, readXlsx } from '../server/helpers/exports';
import { AdminApi } from './helpers/admin-api';
import { launchBrowser, newPage, screenshotter } from './helpers/browser';
import { loginAs } from './helpers/login';
import { SCREENSHOTS } from './helpers/paths';
import { ADMIN, startPlayground, type Playground } from './helpers/playground';
import { choose as chooseIn, expectNotification as notified } from './helpers/ui';
import { eventually, waitForCount, waitForText } from './helpers/wait';

jest.setTimeout(240000);

const BASE = '/admin/plugins/contacts';
const SEGMENT = 'Export VIP';
const FILE_NAME = `Segment ${SEGMENT}`;
/** A formula a spreadsheet would run: the file must hold it as text, behind a quote. */
const FORMULA = '=1+2';

const CONTACTS = [
  { email: 'ana@exports.test', firstName: 'Ana', lastName: 'Martin', company: 'Globex', attributes: { city: FORMULA, score: 42, birthday: '1990-03-14', topics: ['news', 'events'] } },
  { email: 'bob@exports.test', firstName: 'Bob', lastName: 'Durand', company: 'Globex', attributes: { city: 'Lyon', score: 7, birthday: '2001-12-31', topics: ['events'] } },
  { email: 'cleo@exports.test', firstName: 'Cleo', lastName: 'Petit', company: 'Initech', attributes: { city: 'Paris', score: 0 } },
  { email: 'dan@exports.test', firstName: 'Dan', lastName: 'Moreau', company: 'Initech', attributes: { city: 'Nice' } },
];
const IN_SEGMENT = ['ana@exports.test', 'bob@exports.test', 'cleo@exports.test'];

let app: Playground;
let browser: Browser;
let api: AdminApi;
let page: Page;
const shot = screenshotter('exports');
const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-e2e-exports-'));

beforeAll(async () => {
  process.env.CONTACTS_QUEUE_TICK_SECONDS = '1';
  // Its own private directory: suites run side by side on one playground folder.
  process.env.CONTACTS_EXPORT_DIR = exportDir;
  app = await startPlayground();
  browser = await launchBrowser();
  api = await AdminApi.login(app.url, ADMIN.email, ADMIN.password);
  await api.createField({ key: 'city', label: 'City', type: 'text' });
  await api.createField({ key: 'score', label: 'Score', type: 'integer' });
  await api.createField({ key: 'birthday', label: 'Birthday', type: 'date' });
  await api.createField({ key: 'topics', label: 'Topics', type: 'multiselect', options: ['news', 'events'] });
  const ids = new Map<string, string>();
  for (const c of CONTACTS) ids.set(c.email, (await api.createContact(c)).documentId);
  const segment = (await api.ok('POST', '/contacts/segments', { name: SEGMENT, kind: 'static' })).data;
  await api.ok('POST', `/contacts/segments/${segment.documentId}/members`, { ids: IN_SEGMENT.map((e) => ids.get(e)) });
  page = await newPage(browser);
  page.setDefaultTimeout(45000);
});

afterEach(async () => {
  await page?.screenshot({ path: `${SCREENSHOTS}/exports/last-state.png`, fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(exportDir, { recursive: true, force: true });
});

const expectNotification = (text: string | RegExp) => notified(page, text);
const choose = (scope: Locator | Page, comboboxName: string, option: string) => chooseIn(page, scope, comboboxName, option);
const dialog = () => page.getByRole('dialog');
const exportRow = (name: string) => page.locator(`[data-testid="export-row"][data-name="${name}"]`).first();

/** Opens the export dialog from the segment's row. */
const openFromSegmentRow = async () => {
  await page.goto(`${app.url}${BASE}/segments`);
  const row = page.locator(`[data-testid="segment-row"][data-name="${SEGMENT}"]`);
  await row.getByRole('button', { name: `Export ${SEGMENT}` }).click();
  await waitForText(dialog().getByTestId('export-scope'), FILE_NAME);
  await waitForText(dialog().getByTestId('export-count'), '3 contacts');
};

/** Submits the dialog and follows its link to the exports page. */
const submitAndGoToExports = async () => {
  await dialog().getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByTestId('export-queued').waitFor();
  await page.getByRole('link', { name: 'Go to the exports' }).click();
  await page.waitForURL(new RegExp(`${BASE}/exports(\\?|$)`));
};

/** The newest export of that name reaches done on the page (it polls while one runs); its file through the browser. */
const downloadWhenDone = async (name: string, fileName: string) => {
  const row = exportRow(name);
  await eventually(async () => (await row.getAttribute('data-status').catch(() => null)) === 'done', `export "${name}" done`, 60000);
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: `Download ${name}` }).click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  return fs.readFileSync((await download.path())!);
};

describe('Exports', () => {
  test('the history starts empty, under its own menu entry', async () => {
    await loginAs(page, app.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.url}${BASE}/contacts`);
    await page.getByRole('link', { name: 'Exports', exact: true }).click();
    await page.waitForURL(`**${BASE}/exports**`);
    await page.getByRole('heading', { name: 'Exports', level: 1 }).waitFor();
    await page.getByText('No exports yet.').waitFor();
    await shot(page, 'empty');
  });

  test('exports a segment from its row as CSV: all fields, semicolons, a BOM, X columns, the formula neutralised', async () => {
    await openFromSegmentRow();
    await dialog().getByRole('radio', { name: 'All fields' }).click();
    await choose(dialog(), 'Delimiter', 'Semicolon ( ; ) — Excel in French');
    expect(await dialog().getByRole('checkbox', { name: 'UTF-8 with a BOM' }).getAttribute('aria-checked')).toBe('true');
    await dialog().getByRole('radio', { name: 'One column per option, marked X' }).click();
    await shot(page, 'dialog-csv');
    await submitAndGoToExports();

    const file = await downloadWhenDone(FILE_NAME, `${FILE_NAME}.csv`);
    expect(file.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const rows = parseCsv(file, ';');
    const header = rows[0];
    for (const h of ['E-mail', 'First name', 'City', 'Score', 'Birthday', 'Topics: news', 'Topics: events', 'Added on', 'Activity degree']) expect(header).toContain(h);
    expect(rows).toHaveLength(IN_SEGMENT.length + 1);
    const byEmail = new Map(rows.slice(1).map((r) => [r[header.indexOf('E-mail')], r]));
    expect([...byEmail.keys()].sort()).toEqual(IN_SEGMENT);
    const cell = (email: string, column: string) => byEmail.get(email)![header.indexOf(column)];
    expect(cell('ana@exports.test', 'City')).toBe(`'${FORMULA}`);
    expect(cell('ana@exports.test', 'Score')).toBe('42');
    expect(cell('ana@exports.test', 'Birthday')).toBe('1990-03-14');
    expect([cell('ana@exports.test', 'Topics: news'), cell('ana@exports.test', 'Topics: events')]).toEqual(['X', 'X']);
    expect([cell('bob@exports.test', 'Topics: news'), cell('bob@exports.test', 'Topics: events')]).toEqual(['', 'X']);
    expect(cell('cleo@exports.test', 'City')).toBe('Paris');

    const row = exportRow(FILE_NAME);
    await waitForText(row.getByTestId('export-rows'), '3');
    await waitForText(row, 'CSV (;) · BOM');
    await waitForText(row, 'A segment');
    await shot(page, 'history-csv');
  });

  test('exports it as XLSX with picked, reordered fields and keys as headers; exceljs reads typed cells', async () => {
    await openFromSegmentRow();
    await dialog().getByRole('radio', { name: 'Choose the fields and their order' }).click();
    const picked = () => dialog().getByTestId('export-field');
    await waitForCount(picked(), MAIN_EXPORT_FIELDS.length);
    for (const label of ['Last name', 'Company', 'E-mail opt-in', 'E-mail status', 'Mobile', 'SMS opt-in', 'Mobile status', 'Modified on', 'Activity degree']) {
      await dialog().getByRole('button', { name: `Remove ${label}`, exact: true }).click();
    }
    for (const label of ['City', 'Score', 'Birthday']) await choose(dialog(), 'Add a field', label);
    await dialog().getByRole('button', { name: 'Move E-mail up' }).click();
    const keys = ['email', 'firstName', 'createdAt', 'city', 'score', 'birthday'];
    await eventually(
      async () => JSON.stringify(await picked().evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))) === JSON.stringify(keys),
      'the picked fields in order',
    );
    await dialog().getByRole('radio', { name: 'XLSX' }).click();
    // Delimiter and BOM mean something to a CSV only.
    expect(await dialog().getByRole('combobox', { name: 'Delimiter' }).count()).toBe(0);
    await dialog().getByRole('radio', { name: 'Field keys' }).click();
    await shot(page, 'dialog-xlsx');
    await submitAndGoToExports();

    const sheet = (await readXlsx(await downloadWhenDone(FILE_NAME, `${FILE_NAME}.xlsx`))).worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(keys);
    expect(sheet.rowCount).toBe(IN_SEGMENT.length + 1);
    const rowOf = (email: string) => {
      for (let i = 2; i <= sheet.rowCount; i++) if (sheet.getRow(i).getCell(1).value === email) return sheet.getRow(i);
      throw new Error(`no row for ${email}`);
    };
    const col = (key: string) => keys.indexOf(key) + 1;
    const ana = rowOf('ana@exports.test');
    expect(ana.getCell(col('firstName')).value).toBe('Ana');
    expect(ana.getCell(col('score')).value).toBe(42);
    expect(ana.getCell(col('birthday')).value).toEqual(new Date('1990-03-14T00:00:00.000Z'));
    expect(ana.getCell(col('createdAt')).value).toBeInstanceOf(Date);
    expect(ana.getCell(col('city')).value).toBe(`'${FORMULA}`);
    expect(ana.getCell(col('city')).formula).toBeUndefined();
    expect(rowOf('cleo@exports.test').getCell(col('score')).value).toBe(0);
    await waitForText(exportRow(FILE_NAME), 'XLSX');
    await shot(page, 'history-xlsx');
  });

  test('exports a quick search from the contacts page; its end is notified with a badge on Exports until looked at', async () => {
    await page.goto(`${app.url}${BASE}/contacts`);
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('globex');
    await waitForCount(page.getByTestId('contact-row'), 2);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const name = 'Search globex';
    await waitForText(dialog().getByTestId('export-scope'), name);
    await waitForText(dialog().getByTestId('export-count'), '2 contacts');
    await shot(page, 'dialog-search');
    // A small export may end before the dialog is closed: listen from the start.
    const told = expectNotification(`Export «${name}» is ready: 2 contacts. Download it from Exports.`);
    await dialog().getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByTestId('export-queued').waitFor();
    // The footer's button (the header's cross has the same name).
    await dialog().getByRole('button', { name: 'Close', exact: true }).last().click();
    await page.getByTestId('export-queued').waitFor({ state: 'detached' });

    // Still on the contacts page: the watcher tells, and the menu keeps a badge until the exports are opened.
    await told;
    const exportsLink = page.getByRole('link', { name: /^Exports/ });
    await exportsLink.getByTestId('nav-jobs-badge').waitFor();
    await shot(page, 'notified');
    await exportsLink.click();
    await page.waitForURL(new RegExp(`${BASE}/exports(\\?|$)`));
    await page.getByTestId('nav-jobs-badge').waitFor({ state: 'detached' });

    const rows = parseCsv(await downloadWhenDone(name, `${name}.csv`));
    expect(rows[0]).toEqual(['First name', 'Last name', 'Company', 'E-mail', 'E-mail opt-in', 'E-mail status', 'Mobile', 'SMS opt-in', 'Mobile status', 'Added on', 'Modified on', 'Activity degree']);
    expect(rows.slice(1).map((r) => r[3]).sort()).toEqual(['ana@exports.test', 'bob@exports.test']);
    await waitForText(exportRow(name).getByTestId('export-rows'), '2');
  });

  test('the segment page and the exports page open the same dialog, counting what they export', async () => {
    const segment = (await api.ok('GET', '/contacts/segments?pageSize=100')).data.find((s: any) => s.name === SEGMENT);
    await page.goto(`${app.url}${BASE}/segments/${segment.documentId}`);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await waitForText(dialog().getByTestId('export-scope'), FILE_NAME);
    await waitForText(dialog().getByTestId('export-count'), '3 contacts');
    await dialog().getByRole('button', { name: 'Cancel' }).last().click();
    await dialog().waitFor({ state: 'detached' });

    // The whole base: counted when the dialog opens (the segment builder's count).
    await page.goto(`${app.url}${BASE}/exports`);
    await page.getByRole('button', { name: 'Export', exact: true }).first().click();
    await waitForText(dialog().getByTestId('export-scope'), 'All contacts');
    await waitForText(dialog().getByTestId('export-count'), `${CONTACTS.length} contacts`);
    await shot(page, 'dialog-all');
    await dialog().getByRole('button', { name: 'Cancel' }).last().click();
    await dialog().waitFor({ state: 'detached' });
  });

  test('deletes an export after confirmation', async () => {
    await waitForCount(page.getByTestId('export-row'), 3);
    await exportRow(FILE_NAME).getByRole('button', { name: `Delete ${FILE_NAME}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expectNotification('Export deleted');
    await waitForCount(page.getByTestId('export-row'), 2);
    await shot(page, 'after-delete');
  });
});
