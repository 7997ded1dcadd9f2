/**
 * The import wizard in a real browser against the built playground: a
 * Windows-1252, semicolon-separated CSV with accents goes through every step
 * (format, options, mapping with a fix, preview, run), then the history, the
 * detail page with both charts, the errors file, the fields page, and a role
 * without import rights.
 * Screenshots: test/.artifacts/screenshots/imports/ (full pages) and
 * test/.artifacts/screenshots/imports-docs/ (1280×800 viewport, for docs/screenshots).
 */
import fs from 'fs';
import path from 'path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { PERMISSIONS } from '../../server/src/constants';
import { AdminApi } from './helpers/admin-api';
import { launchBrowser, newPage, screenshotter } from './helpers/browser';
import { loginAs } from './helpers/login';
import { SCREENSHOTS } from './helpers/paths';
import { ADMIN, startPlayground, type Playground } from './helpers/playground';
import { eventually, waitForText } from './helpers/wait';

jest.setTimeout(240000);

const BASE = '/admin/plugins/contacts';
const GENERATED = 30000;
const BAD_EVERY = 1000;

let app: Playground;
let browser: Browser;
let api: AdminApi;
let page: Page;
const shot = screenshotter('imports');
const DOCS = path.join(SCREENSHOTS, 'imports-docs');

/** A viewport-sized picture for the README: small, and the top of the page is what matters. */
const docShot = async (name: string) => {
  fs.mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: path.join(DOCS, `${name}.png`) });
};

const FIRST_NAMES = ['José', 'Hélène', 'Françoise', 'Zoé', 'Anaïs', 'Jérôme', 'Noël', 'Gaëlle', 'Loïc', 'Cécile'];
const CITIES = ['Besançon', 'Orléans', 'Saint-Étienne', 'Nîmes', 'Béziers', 'Châlons'];

/** What Excel on Windows saves: Windows-1252, semicolons, CRLF, accents everywhere. */
const buildCsv = () => {
  const lines = ['E-mail;Prénom;Nom;Société;Ville;Téléphone'];
  lines.push('jose.garcia@example.com;José;García;Café Crème;Besançon;06 12 34 56 78');
  lines.push('helene.dupre@example.com;Hélène;Dupré;Boulangerie Noël;Orléans;0698765432');
  lines.push('pas-un-email;Zoé;Lefèvre;Maïs & Cie;Nîmes;0611223344');
  for (let i = 0; i < GENERATED; i += 1) {
    const email = i % BAD_EVERY === 500 ? `sans-arobase-${i}.example.com` : `contact${i}@example.com`;
    lines.push(`${email};${FIRST_NAMES[i % FIRST_NAMES.length]};Müller-${i};Société ${i % 97};${CITIES[i % CITIES.length]};`);
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1252');
};
const BAD_ROWS = 1 + Math.ceil((GENERATED - 500) / BAD_EVERY);
const GOOD_ROWS = 2 + GENERATED - (BAD_ROWS - 1);

beforeAll(async () => {
  fs.rmSync(DOCS, { recursive: true, force: true });
  // Smaller batches than the default 5000: the progress bar has time to move on screen.
  process.env.CONTACTS_BATCH_SIZE = '500';
  process.env.CONTACTS_QUEUE_TICK_SECONDS = '1';
  app = await startPlayground();
  browser = await launchBrowser();
  api = await AdminApi.login(app.url, ADMIN.email, ADMIN.password);
  page = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 800 });
  // This machine is shared: the first admin load after a build can take a while.
  page.setDefaultTimeout(45000);
});

afterEach(async () => {
  await page?.screenshot({ path: `${SCREENSHOTS}/imports/last-state.png`, fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const combobox = (name: string) => page.getByRole('combobox', { name, exact: true });
const choose = async (comboboxName: string, option: string) => {
  await combobox(comboboxName).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};
const mappingRow = (column: string) => page.locator(`[data-testid="mapping-row"][data-column="${column}"]`);

/** A multipart upload with the admin token, as the wizard sends it (AdminApi speaks JSON only). */
const uploadCsv = async (name: string, csv: string) => {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), name);
  const res = await fetch(`${app.url}/contacts/imports`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${api.token}` },
    body: form,
  });
  const body = (await res.json()) as any;
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
  return body.data as { documentId: string };
};

describe('Import wizard', () => {
  let importId = '';

  test('the contacts list has an Import button that opens the wizard', async () => {
    await loginAs(page, app.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.url}${BASE}/contacts`);
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.waitForURL(`**${BASE}/imports/new`);
    await page.getByText('Where are your contacts?').waitFor();
    // The size limit comes from the server (plugin option maxFileSize; 1 GB in the playground).
    await waitForText(page.getByTestId('import-limits'), 'CSV, TSV, TXT, XLSX · up to 1.0 GB');
    await shot(page, 'source');
    await docShot('01-source');
  });

  test('uploads a Windows-1252 ";" CSV and shows what was detected', async () => {
    await page
      .getByTestId('import-file-input')
      .setInputFiles({ name: 'contacts-excel.csv', mimeType: 'text/csv', buffer: buildCsv() });
    await waitForText(page.getByTestId('import-file-name'), 'contacts-excel.csv');
    await page.getByRole('button', { name: 'Upload and analyse' }).click();
    await page.waitForURL(/\/imports\/new\/[a-z0-9]+\?step=detected/);
    importId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: 'File format' }).waitFor();
    expect(await combobox('Encoding').textContent()).toContain('windows-1252');
    expect(await combobox('Delimiter').textContent()).toContain('Semicolon (;)');
    // An estimate from the first bytes of a file this size (the import counts exactly).
    await eventually(
      async () => Math.abs(Number((await page.getByTestId('detected-rows').textContent())!.replace(/\D/g, '')) - 30003) < 3000,
      'the row count',
    );
    const sample = page.getByTestId('sample-table');
    await sample.getByText('Besançon').first().waitFor();
    await sample.locator('thead').getByText('Prénom', { exact: true }).waitFor();
    await shot(page, 'detected');
    await docShot('02-detected');

    // Read as UTF-8 the accents break; back to Windows-1252 they are right again.
    await choose('Encoding', 'utf-8');
    await eventually(async () => (await sample.textContent())!.includes('Jos\uFFFD'), 'the sample re-read as UTF-8');
    await shot(page, 'detected-utf8-wrong');
    await choose('Encoding', 'windows-1252');
    await sample.getByText('José', { exact: true }).first().waitFor();
    const stored = await api.ok('GET', `/contacts/imports/${importId}`);
    expect(stored.data.detected).toMatchObject({ encoding: 'windows-1252', delimiter: ';', hasHeader: true });
  });

  test('sets the options', async () => {
    await page.getByTestId('wizard-next').click();
    await page.getByRole('heading', { name: 'Options' }).waitFor();
    await page.getByLabel('Tags').fill('salon-2026');
    await page.getByLabel('Tags').press('Enter');
    await page.getByText('Allow resubscribe: the file may set opt-ins back to "yes"').click();
    await page.getByTestId('resubscribe-warning').waitFor();
    await shot(page, 'options');
    await docShot('03-options');
    await page.getByText('Allow resubscribe: the file may set opt-ins back to "yes"').click();
    await page.getByTestId('resubscribe-warning').waitFor({ state: 'detached' });
    await page.getByTestId('wizard-next').click();
    await page.getByRole('heading', { name: 'Mapping', exact: true }).waitFor();
    const stored = await api.ok('GET', `/contacts/imports/${importId}`);
    expect(stored.data.options).toMatchObject({
      tags: ['salon-2026'],
      mode: 'upsert',
      uniqueKey: 'email',
      allowResubscribe: false,
    });
  });

  test('maps the columns: auto-mapped rows, a blocked unique key, a new field', async () => {
    for (const column of ['E-mail', 'Prénom', 'Nom', 'Société', 'Téléphone']) {
      await mappingRow(column).getByTestId('mapping-auto').waitFor();
    }
    expect(await mappingRow('Ville').getByTestId('mapping-auto').count()).toBe(0);

    // Without the e-mail column the unique key is unmapped: Next is blocked, with the reason.
    await choose('Field for E-mail', 'Ignore this column');
    await page.getByTestId('mapping-blocked').getByText('Map a column to E-mail: it is the unique key of this import').waitFor();
    expect(await page.getByTestId('wizard-next').isDisabled()).toBe(true);
    await page.getByTestId('mapping-blocked').scrollIntoViewIfNeeded();
    await shot(page, 'mapping-blocked');
    await choose('Field for E-mail', 'E-mail');
    await page.getByTestId('mapping-blocked').waitFor({ state: 'detached' });

    // The fix: "Ville" goes to a new custom field instead of being dropped.
    await choose('Field for Ville', '+ Create a new field');
    const inputs = mappingRow('Ville').getByTestId('new-field-inputs');
    expect(await inputs.getByLabel('Key').inputValue()).toBe('ville');
    await inputs.getByLabel('Key').fill('city');
    await inputs.getByLabel('Label').fill('City');
    await mappingRow('Ville').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'mapping');
    await docShot('04-mapping');

    await page.getByTestId('wizard-next').click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    const stored = await api.ok('GET', `/contacts/imports/${importId}`);
    expect(stored.data.mapping).toEqual(
      expect.arrayContaining([
        { column: 'E-mail', field: 'email' },
        { column: 'Prénom', field: 'firstName' },
        { column: 'Ville', newField: { key: 'city', label: 'City', type: 'text' } },
      ]),
    );
  });

  test('previews the first rows with the invalid cell highlighted', async () => {
    const table = page.getByTestId('preview-table');
    await table.waitFor();
    await table.getByText('+33612345678').waitFor();
    await table.getByText('Café Crème').waitFor();
    const invalid = page.getByTestId('preview-invalid-cell');
    await invalid.first().waitFor();
    expect(await invalid.first().textContent()).toContain('pas-un-email');
    expect(await page.locator('[data-testid="preview-row"][data-valid="false"]').count()).toBeGreaterThanOrEqual(1);
    await shot(page, 'preview');
    await docShot('05-preview');
  });

  test('runs the import and follows its progress to the summary', async () => {
    await page.getByRole('button', { name: /^Start the import/ }).click();
    await page.getByTestId('import-progress').or(page.getByTestId('import-summary')).first().waitFor();
    // Catch the bar mid-way when the machine is slow enough to show it; a fast run goes straight to the summary.
    const midway = async () =>
      /^[1-9]/.test(
        (await page
          .getByTestId('import-progress-rows')
          .textContent({ timeout: 500 })
          .catch(() => '')) ?? '',
      );
    await eventually(
      async () => (await midway()) || (await page.getByTestId('import-summary').isVisible()),
      'rows processed',
      60000,
    );
    if (await midway()) {
      await shot(page, 'running');
      await docShot('06-running');
    }
    await page.getByTestId('import-summary').waitFor({ timeout: 120000 });
    await waitForText(
      page.getByTestId('import-summary-line'),
      `${(GOOD_ROWS + BAD_ROWS).toLocaleString('en-US')} lines processed`,
    );
    expect(await page.getByTestId('counter-created').textContent()).toContain(GOOD_ROWS.toLocaleString('en-US'));
    expect(await page.getByTestId('counter-failed').textContent()).toContain(String(BAD_ROWS));
    await page.getByRole('button', { name: /Download the \d+ failed rows/ }).waitFor();
    await page.getByRole('link', { name: 'See the contacts' }).waitFor();
    await shot(page, 'summary');
    await docShot('07-summary');

    const { data } = await api.ok('GET', `/contacts/imports/${importId}`);
    expect(data.status).toBe('imported');
    expect(data.counters).toMatchObject({ processed: GOOD_ROWS + BAD_ROWS, created: GOOD_ROWS, failed: BAD_ROWS });
    const found = await api.findContacts('jose.garcia@example.com');
    expect(found.data[0]).toMatchObject({
      firstName: 'José',
      lastName: 'García',
      company: 'Café Crème',
      mobile: '+33612345678',
      tags: ['salon-2026'],
      attributes: { city: 'Besançon' },
    });
  });

  test('the history lists the import with its status and counters', async () => {
    await page.getByRole('link', { name: 'Go to the import history' }).click();
    await page.waitForURL(new RegExp(`${BASE}/imports(\\?|$)`));
    const row = page.getByTestId('import-row').filter({ hasText: 'contacts-excel.csv' });
    await row.waitFor();
    expect(await row.getByTestId('import-status').getAttribute('data-status')).toBe('imported');
    expect(await row.textContent()).toContain(GOOD_ROWS.toLocaleString('en-US'));
    await shot(page, 'history');
    await docShot('08-history');

    // The status filter keeps only matching imports.
    await choose('Filter by status', 'Failed');
    await page.waitForURL(/status=failed/);
    await page.getByText('No import has this status.').waitFor();
    await choose('Filter by status', 'All statuses');
    await row.waitFor();
  });

  test('the detail page draws both charts and downloads the errors file', async () => {
    await page.getByTestId('import-row').filter({ hasText: 'contacts-excel.csv' }).click();
    await page.waitForURL(`**${BASE}/imports/${importId}`);
    await page.getByRole('heading', { name: 'contacts-excel.csv', level: 1 }).waitFor();
    await page.locator('[data-testid="chart-outcome"] svg.recharts-surface').first().waitFor();
    await page.locator('[data-testid="chart-per-minute"] svg.recharts-surface').first().waitFor();
    expect(await page.locator('[data-testid="chart-outcome"] .recharts-pie-sector').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid="chart-per-minute"] .recharts-line').count()).toBe(1);
    await page.getByTestId('first-error-row').first().waitFor();
    expect(await page.getByTestId('first-error-row').first().textContent()).toContain('pas-un-email');
    await page.getByTestId('import-mapping').getByText('City', { exact: true }).waitFor();
    await shot(page, 'detail');
    await docShot('09-detail');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download the \d+ failed rows/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('contacts-excel-errors.csv');
    const file = await download.path();
    const csv = fs.readFileSync(file!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('line,level,column,reason,E-mail,Prénom,Nom,Société,Ville,Téléphone');
    expect(lines).toHaveLength(BAD_ROWS + 1);
    expect(lines[1]).toMatch(/^4,/);
    expect(lines[1]).toContain('pas-un-email,Zoé,Lefèvre,Maïs & Cie,Nîmes,0611223344');
  });

  test('the fields page lists the new field and asks before deleting it in use', async () => {
    await page.goto(`${app.url}${BASE}/fields`);
    const row = page.locator('[data-testid="field-row"][data-key="city"]');
    await row.waitFor();
    await page.locator('[data-testid="field-row"][data-key="email"]').waitFor();
    await row.getByRole('button', { name: 'Delete City' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByTestId('field-usage').waitFor();
    expect(await dialog.getByTestId('field-usage').textContent()).toContain(
      `${GOOD_ROWS.toLocaleString('en-US')} contacts hold a value for "City"`,
    );
    await page.waitForTimeout(300);
    await shot(page, 'field-delete-confirm');
    await docShot('10-fields');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await shot(page, 'fields');
  });

  test('stops a running import from the history, resumes it, then deletes it', async () => {
    const rows = 150000;
    const csv = `email,firstName\n${Array.from({ length: rows }, (_, i) => `big${i}@example.com,Élodie ${i}`).join('\n')}\n`;
    const big = await uploadCsv('big.csv', csv);
    await api.ok('POST', `/contacts/imports/${big.documentId}/start`);
    await page.goto(`${app.url}${BASE}/imports`);
    const row = page.getByTestId('import-row').filter({ hasText: 'big.csv' });
    // The history refreshes itself while an import runs: Stop appears without a reload.
    await row.getByRole('button', { name: 'Stop' }).click();
    await eventually(
      async () => (await row.getByTestId('import-status').getAttribute('data-status')) === 'stopped',
      'the stopped status',
    );
    await row.getByRole('button', { name: 'Resume' }).waitFor();
    await shot(page, 'history-stopped');
    const stopped = (await api.ok('GET', `/contacts/imports/${big.documentId}`)).data;
    expect(stopped.counters.processed).toBeLessThan(rows);

    await row.getByRole('button', { name: 'Resume' }).click();
    await eventually(
      async () => (await row.getByTestId('import-status').getAttribute('data-status')) === 'imported',
      'the resumed import to finish',
      120000,
    );
    const done = (await api.ok('GET', `/contacts/imports/${big.documentId}`)).data;
    expect(done.counters).toMatchObject({ total: rows, processed: rows, created: rows, failed: 0 });

    await row.getByRole('button', { name: 'Delete big.csv' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await api.request('GET', `/contacts/imports/${big.documentId}`)).status).toBe(404);
  });

  test('a role without import rights sees no Import button and gets 403 from the API', async () => {
    const reader = await api.createUserWithActions([PERMISSIONS.contacts.read], 'Reader1234!');
    const readerPage = await newPage(browser);
    try {
      await loginAs(readerPage, app.url, reader.email, reader.password);
      await readerPage.goto(`${app.url}${BASE}/contacts`);
      await readerPage.getByTestId('contact-row').first().waitFor();
      // useRBAC answers after the list: give it time before checking what is absent.
      await readerPage.waitForTimeout(1000);
      expect(await readerPage.getByRole('link', { name: 'Import', exact: true }).count()).toBe(0);
      expect(await readerPage.getByRole('link', { name: 'Imports', exact: true }).count()).toBe(0);
      await shot(readerPage, 'reader-no-import');

      const readerApi = await AdminApi.login(app.url, reader.email, reader.password);
      expect((await readerApi.request('GET', '/contacts/imports')).status).toBe(403);
      expect((await readerApi.request('POST', '/contacts/imports', { text: 'email\na@example.com\n' })).status).toBe(403);
      expect((await readerApi.request('GET', `/contacts/imports/${importId}/errors`)).status).toBe(403);

      await readerPage.goto(`${app.url}${BASE}/imports/new`);
      await readerPage.getByText(/don't have the permissions/i).waitFor();
    } finally {
      await readerPage.context().close();
    }
  });
});
