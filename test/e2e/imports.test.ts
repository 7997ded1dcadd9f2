/**
 * The import wizard in a real browser against the built playground: a
 * Windows-1252, semicolon-separated CSV with accents and day-first dates goes
 * through every step (format, options with the consent prompt and the time
 * zone, mapping with a fix and "save as", preview with a dropped cell and the
 * whole-file check, run), then the history, the detail page with both charts,
 * the errors file, a saved mapping suggested for the next file, an opt-in
 * column with its own words, the fields page, stop / resume / a stale row, and
 * a role without import rights.
 * Screenshots: test/.artifacts/screenshots/imports/ (full pages) and
 * test/.artifacts/screenshots/imports-docs/ (1280×800 viewport, for docs/screenshots).
 */
import fs from 'fs';
import path from 'path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { PERMISSIONS } from '../../shared/constants';
import { AdminApi } from './helpers/admin-api';
import { launchBrowser, newPage, screenshotter } from './helpers/browser';
import { loginAs } from './helpers/login';
import { SCREENSHOTS } from './helpers/paths';
import { ADMIN, startPlayground, type Playground } from './helpers/playground';
import { choose as chooseIn, expectNotification as notified } from './helpers/ui';
import { eventually, waitForCount, waitForText } from './helpers/wait';

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

/**
 * What Excel on Windows saves: Windows-1252, semicolons, CRLF, accents
 * everywhere, French dates with a time (14/03 can only be day first; 03/04 is
 * ambiguous). Line 5 keeps its contact but loses two cells: a phone that is
 * not one, a 31st of February.
 */
const buildCsv = () => {
  const lines = ['E-mail;Prénom;Nom;Société;Ville;Téléphone;Inscription'];
  lines.push('jose.garcia@example.com;José;García;Café Crème;Besançon;06 12 34 56 78;14/03/2024 09:30');
  lines.push('helene.dupre@example.com;Hélène;Dupré;Boulangerie Noël;Orléans;0698765432;03/04/2024 18:00');
  lines.push('pas-un-email;Zoé;Lefèvre;Maïs & Cie;Nîmes;0611223344;');
  lines.push('marc.petit@example.com;Marc;Petit;Petit & Fils;Lyon;pas-un-numero;31/02/2024 10:00');
  for (let i = 0; i < GENERATED; i += 1) {
    const email = i % BAD_EVERY === 500 ? `sans-arobase-${i}.example.com` : `contact${i}@example.com`;
    lines.push(`${email};${FIRST_NAMES[i % FIRST_NAMES.length]};Müller-${i};Société ${i % 97};${CITIES[i % CITIES.length]};;`);
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1252');
};
const BAD_ROWS = 1 + Math.ceil((GENERATED - 500) / BAD_EVERY);
const GOOD_ROWS = 3 + GENERATED - (BAD_ROWS - 1);
/** Marc's phone and date. */
const WARNINGS = 2;
const COLUMNS = ['E-mail', 'Prénom', 'Nom', 'Société', 'Ville', 'Téléphone', 'Inscription'];

beforeAll(async () => {
  fs.rmSync(DOCS, { recursive: true, force: true });
  // Smaller batches than the default 5000: the progress bar has time to move on screen.
  process.env.CONTACTS_BATCH_SIZE = '500';
  process.env.CONTACTS_QUEUE_TICK_SECONDS = '1';
  app = await startPlayground();
  browser = await launchBrowser();
  api = await AdminApi.login(app.url, ADMIN.email, ADMIN.password);
  // "Inscription" is matched by this field's label; a datetime makes the wizard ask for a time zone.
  await api.createField({ key: 'signedUpAt', label: 'Inscription', type: 'datetime' });
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
const choose = (comboboxName: string, option: string) => chooseIn(page, page, comboboxName, option);
const expectNotification = (text: string | RegExp) => notified(page, text);
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

    // Forced to UTF-8, the server still reads each row's Windows-1252 bytes as such (and notes it);
    // back to Windows-1252 the file reads cleanly.
    await choose('Encoding', 'utf-8');
    await eventually(async () => (await combobox('Encoding').textContent())!.includes('utf-8'), 'the sample re-read as UTF-8');
    await sample.getByText('José', { exact: true }).first().waitFor();
    expect(await sample.textContent()).not.toContain('\uFFFD');
    await shot(page, 'detected-utf8');
    await choose('Encoding', 'windows-1252');
    await eventually(async () => (await combobox('Encoding').textContent())!.includes('windows-1252'), 'Windows-1252 again');
    await sample.getByText('José', { exact: true }).first().waitFor();
    const stored = await api.ok('GET', `/contacts/imports/${importId}`);
    expect(stored.data.detected).toMatchObject({ encoding: 'windows-1252', delimiter: ';', hasHeader: true });
  });

  test('sets the options: the base key, the detected date order, a time zone, the consent of new contacts', async () => {
    await page.getByTestId('wizard-next').click();
    await page.getByRole('heading', { name: 'Options' }).waitFor();
    // Rows match on the base's unicity key unless told otherwise; the other column is the alternative.
    expect(await page.getByRole('radio', { name: 'E-mail (the unicity key of the base)' }).isChecked()).toBe(true);
    await page.getByText('a row whose value belongs to more than one contact fails as ambiguous').waitFor();
    // 14/03/2024 can only be day first: the sniffer preselected DD/MM/YYYY and the step says so.
    expect(await combobox('Date format').textContent()).toContain('DD/MM/YYYY');
    await page.getByText("Detected from the dates in the file's sample.").waitFor();
    await combobox('Date format').click();
    expect(await page.getByRole('option').allTextContents()).toEqual([
      'DD/MM/YYYY (14/03/2024)',
      'MM/DD/YYYY (03/14/2024)',
      'YYYY-MM-DD (ISO, 2024-03-14)',
    ]);
    await page.keyboard.press('Escape');
    // "Inscription" is a datetime field: the zone of its values is asked, UTC unless changed.
    expect(await combobox('Time zone').textContent()).toContain('UTC');
    await combobox('Time zone').click();
    // Labelled with the zone's offset today (GMT+1 or GMT+2 depending on the season).
    await page.getByRole('option', { name: /^Europe\/Paris \(GMT\+[12]\)$/ }).click();

    await page.getByLabel('Tags').fill('salon-2026');
    await page.getByLabel('Tags').press('Enter');
    await page.getByText('Allow resubscribe: the file may set opt-ins back to "yes"').click();
    await page.getByTestId('resubscribe-warning').waitFor();
    await page.getByText('Allow resubscribe: the file may set opt-ins back to "yes"').click();
    await page.getByTestId('resubscribe-warning').waitFor({ state: 'detached' });

    // No column gives an opt-in: new contacts get "Unknown" unless the person says otherwise, and
    // "Yes" holds Next back until the file is said to record consent.
    const consent = page.getByTestId('consent-defaults');
    await consent.waitFor();
    const email = consent.getByRole('radiogroup', { name: 'E-mail opt-in' });
    const sms = consent.getByRole('radiogroup', { name: 'SMS opt-in' });
    expect(await email.getByRole('radio', { name: 'Unknown' }).isChecked()).toBe(true);
    expect(await sms.getByRole('radio', { name: 'Unknown' }).isChecked()).toBe(true);
    await email.getByRole('radio', { name: 'Yes' }).click();
    await page.getByTestId('consent-confirmation').waitFor();
    expect(await page.getByTestId('wizard-next').isDisabled()).toBe(true);
    await page.getByTestId('consent-missing').waitFor();
    await page.getByTestId('consent-confirmation').scrollIntoViewIfNeeded();
    await shot(page, 'options-consent-unconfirmed');
    await page.getByText("This file records these people's consent").click();
    await page.getByTestId('consent-missing').waitFor({ state: 'detached' });
    expect(await page.getByTestId('wizard-next').isDisabled()).toBe(false);
    await shot(page, 'options');
    await page.locator('main').evaluate((el) => el.scrollIntoView());
    await page.getByRole('heading', { name: 'Options' }).scrollIntoViewIfNeeded();
    await docShot('03-options');

    await page.getByTestId('wizard-next').click();
    await page.getByRole('heading', { name: 'Mapping', exact: true }).waitFor();
    const stored = await api.ok('GET', `/contacts/imports/${importId}`);
    expect(stored.data.options).toMatchObject({
      tags: ['salon-2026'],
      mode: 'upsert',
      allowResubscribe: false,
      dateFormat: 'DD/MM/YYYY',
      timezone: 'Europe/Paris',
      defaultEmailOptIn: 'yes',
      defaultSmsOptIn: null,
      consentRecorded: true,
    });
    // Not sent: the import matches on the base's key as it is when it starts.
    expect(stored.data.options.uniqueKey).toBeUndefined();
  });

  test('maps the columns: auto-mapped rows, a blocked unique key, a new field, "save as"', async () => {
    for (const column of ['E-mail', 'Prénom', 'Nom', 'Société', 'Téléphone', 'Inscription']) {
      await mappingRow(column).getByTestId('mapping-auto').waitFor();
    }
    expect(await mappingRow('Ville').getByTestId('mapping-auto').count()).toBe(0);
    // A first import: nothing earlier to suggest from.
    expect(await page.getByTestId('mapping-source').count()).toBe(0);
    // What the options decided for this mapping, said where the mapping changes.
    await waitForText(page.getByTestId('mapping-notes'), 'Dates with a time but no time zone are read in Europe/Paris.');
    await waitForText(page.getByTestId('mapping-notes'), 'No column gives the SMS opt-in: new contacts get «Unknown».');

    // Without the e-mail column the unique key is unmapped: Next is blocked, with the reason.
    await choose('Field for E-mail', 'Ignore this column');
    await page.getByTestId('mapping-blocked').getByText('Map a column to E-mail: it is the unique key of this import').waitFor();
    expect(await page.getByTestId('wizard-next').isDisabled()).toBe(true);
    await page.getByTestId('mapping-blocked').scrollIntoViewIfNeeded();
    await shot(page, 'mapping-blocked');
    await choose('Field for E-mail', 'E-mail');
    await page.getByTestId('mapping-blocked').waitFor({ state: 'detached' });

    // The fix: "Ville" goes to a new custom field instead of being dropped; long text is a type too.
    await choose('Field for Ville', '+ Create a new field');
    const inputs = mappingRow('Ville').getByTestId('new-field-inputs');
    expect(await inputs.getByLabel('Key').inputValue()).toBe('ville');
    await inputs.getByLabel('Key').fill('city');
    await inputs.getByLabel('Label').fill('City');
    await inputs.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Long text', exact: true }).waitFor();
    await page.getByRole('option', { name: 'Text', exact: true }).click();
    await mappingRow('Ville').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'mapping');
    await docShot('04-mapping');

    // "Save this mapping as…" stores what is on screen in the draft, then under the name.
    await page.getByRole('button', { name: 'Save this mapping as…' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Name').inputValue()).toBe('contacts-excel');
    await dialog.getByLabel('Name').fill('Salon export');
    await dialog.getByRole('button', { name: 'Save the mapping' }).click();
    await expectNotification('Mapping saved as «Salon export»');
    await dialog.waitFor({ state: 'detached' });
    const saved = (await api.ok('GET', '/contacts/mappings')).data;
    expect(saved).toEqual([expect.objectContaining({ name: 'Salon export', columns: COLUMNS })]);
    expect(saved[0].mapping).toEqual(
      expect.arrayContaining([{ column: 'Ville', newField: { key: 'city', label: 'City', type: 'text' } }]),
    );

    await page.getByTestId('wizard-next').click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    const stored = await api.ok('GET', `/contacts/imports/${importId}`);
    expect(stored.data.mapping).toEqual(
      expect.arrayContaining([
        { column: 'E-mail', field: 'email' },
        { column: 'Prénom', field: 'firstName' },
        { column: 'Inscription', field: 'signedUpAt' },
        { column: 'Ville', newField: { key: 'city', label: 'City', type: 'text' } },
      ]),
    );
  });

  test('previews the first rows: a failing row, dropped cells, a note, then the whole-file check', async () => {
    const table = page.getByTestId('preview-table');
    await table.waitFor();
    await table.getByText('+33612345678').waitFor();
    await table.getByText('Café Crème').waitFor();
    // 14/03/2024 09:30 read day first, in Paris, shown back as that wall-clock time.
    await table.getByText(/^Mar 14, 2024, 9:30\sAM$/).waitFor();
    // Line 4 fails: red cell, row marked invalid.
    const invalid = page.getByTestId('preview-invalid-cell');
    await invalid.first().waitFor();
    expect(await invalid.first().textContent()).toContain('pas-un-email');
    expect(await page.locator('[data-testid="preview-row"][data-valid="false"]').count()).toBeGreaterThanOrEqual(1);
    // Line 5 keeps its contact and loses two cells, shown apart from row errors.
    const marc = page.locator('[data-testid="preview-row"]').filter({ hasText: 'marc.petit@example.com' });
    expect(await marc.getAttribute('data-valid')).toBe('true');
    const dropped = marc.getByTestId('preview-warning-cell');
    await waitForCount(dropped, 2);
    expect(await dropped.first().textContent()).toContain('pas-un-numero');
    expect(await dropped.first().textContent()).toContain('invalid_phone');
    expect(await dropped.nth(1).textContent()).toContain('31/02/2024 10:00');
    await marc.getByText('Imported, 2 cells dropped').waitFor();
    // 03/04/2024 could be read two ways: the note says which one was used.
    const helene = page.locator('[data-testid="preview-row"]').filter({ hasText: 'helene.dupre@example.com' });
    await waitForText(helene.getByTestId('preview-note-cell'), 'date_read_as');

    // The whole file, checked in the background without writing: counters move, then "done".
    const dryRun = page.getByTestId('dry-run');
    await dryRun.waitFor();
    await eventually(
      async () => (await page.getByTestId('dry-run-status').getAttribute('data-status')) === 'done',
      'the whole-file check to finish',
      90000,
    );
    const count = async (key: string) =>
      Number(((await page.getByTestId(`dry-run-${key}`).textContent()) ?? '').replace(/\D/g, ''));
    expect(await count('created')).toBe(GOOD_ROWS);
    expect(await count('failed')).toBe(BAD_ROWS);
    expect(await count('warnings')).toBe(WARNINGS);
    expect(await count('updated')).toBe(0);
    const problems = dryRun.getByTestId('first-error-row');
    await problems.first().waitFor();
    expect(await problems.first().getAttribute('data-level')).toBe('error');
    expect(await problems.first().textContent()).toContain('pas-un-email');
    expect(await dryRun.locator('[data-testid="first-error-row"][data-level="warning"]').count()).toBe(WARNINGS);
    await waitForText(dryRun.getByTestId('dry-run-done'), `${(GOOD_ROWS + BAD_ROWS).toLocaleString('en-US')} rows checked`);
    expect(await page.getByTestId('dry-run-limited').count()).toBe(0);
    // Nothing was written.
    expect((await api.findContacts('jose.garcia@example.com')).data).toHaveLength(0);
    await shot(page, 'preview');
    await docShot('05-preview');
    await dryRun.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'preview-dry-run');
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
    await waitForText(page.getByTestId('import-summary-line'), '; 2 cells dropped (warnings)');
    expect(await page.getByTestId('counter-created').textContent()).toContain(GOOD_ROWS.toLocaleString('en-US'));
    expect(await page.getByTestId('counter-failed').textContent()).toContain(String(BAD_ROWS));
    expect(await page.getByTestId('counter-warnings').textContent()).toContain(String(WARNINGS));
    await page.getByRole('button', { name: /Download the \d+ failed rows/ }).waitFor();
    await page.getByRole('link', { name: 'See the contacts' }).waitFor();
    await shot(page, 'summary');
    await docShot('07-summary');

    const { data } = await api.ok('GET', `/contacts/imports/${importId}`);
    expect(data.status).toBe('imported');
    expect(data.counters).toMatchObject({
      processed: GOOD_ROWS + BAD_ROWS,
      created: GOOD_ROWS,
      failed: BAD_ROWS,
      warnings: WARNINGS,
    });
    const found = await api.findContacts('jose.garcia@example.com');
    expect(found.data[0]).toMatchObject({
      firstName: 'José',
      lastName: 'García',
      company: 'Café Crème',
      mobile: '+33612345678',
      tags: ['salon-2026'],
      // No column gave opt-ins: e-mail as chosen (consent recorded), SMS left unknown.
      emailOptIn: 'yes',
      smsOptIn: null,
      // 09:30 in Paris in March (UTC+1).
      attributes: { city: 'Besançon', signedUpAt: '2024-03-14T08:30:00.000Z' },
    });
    const marc = (await api.findContacts('marc.petit@example.com')).data[0];
    expect(marc).toMatchObject({ firstName: 'Marc', mobile: null });
    expect(marc.attributes.signedUpAt ?? null).toBeNull();
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
    // Each problem says its level: the warnings of line 5 follow the error of line 4.
    expect(await page.getByTestId('first-error-row').first().getAttribute('data-level')).toBe('error');
    expect(await page.locator('[data-testid="first-error-row"][data-level="warning"]').count()).toBe(WARNINGS);
    await page.getByTestId('counter-warnings').waitFor();
    expect(await page.locator('[data-testid="chart-outcome"] .recharts-legend-item').allTextContents()).toContain(
      `Warnings: ${WARNINGS}`,
    );
    // The zone the date-times were read in.
    await waitForText(page.getByTestId('import-timezone'), 'Europe/Paris');
    await page.getByTestId('import-mapping').getByText('City', { exact: true }).waitFor();
    await shot(page, 'detail');
    await docShot('09-detail');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download the \d+ failed rows and the 2 warnings/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('contacts-excel-errors.csv');
    const file = await download.path();
    // In the source's own encoding and delimiter, so Excel opens it like the file it came from.
    const csv = iconv.decode(fs.readFileSync(file!), 'win1252');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(`line;level;column;reason;${COLUMNS.join(';')}`);
    expect(lines).toHaveLength(BAD_ROWS + WARNINGS + 1);
    expect(lines[1]).toMatch(/^4;error;/);
    expect(lines[1]).toContain('pas-un-email;Zoé;Lefèvre;Maïs & Cie;Nîmes;0611223344;');
    expect(lines[2]).toMatch(/^5;warning;Téléphone;"?invalid_phone: /);
    expect(lines[3]).toMatch(/^5;warning;Inscription;/);
  });

  test('the next file with these columns starts from the saved mapping, which can also be applied', async () => {
    const next = await uploadCsv(
      'salon-2027.csv',
      `${COLUMNS.join(';')}\nines@example.com;Inès;Roux;Roux SA;Nantes;0612121212;01/02/2025 08:00\n`,
    );
    await page.goto(`${app.url}${BASE}/imports/new/${next.documentId}?step=mapping`);
    await waitForText(page.getByTestId('mapping-source'), 'Suggested from the saved mapping «Salon export» (7 of 7 columns).');
    expect(await combobox('Field for Ville').textContent()).toContain('City');

    // Applying it again (or another one) goes through the server, which fits it to this file's columns.
    await choose('Field for Ville', 'Ignore this column');
    await combobox('Apply a saved mapping').click();
    await page.getByRole('option', { name: 'Salon export (7 columns)' }).click();
    await eventually(
      async () => (await combobox('Field for Ville').textContent())!.includes('City'),
      'the saved mapping applied',
    );
    expect((await api.ok('GET', `/contacts/imports/${next.documentId}`)).data.mappingSource).toMatchObject({
      kind: 'saved',
      name: 'Salon export',
      matched: 7,
      columns: 7,
    });
    await api.ok('DELETE', `/contacts/imports/${next.documentId}`);
  });

  test("an opt-in column's own words: Y and N mean yes and no, an unknown word is a dropped cell", async () => {
    const words = await uploadCsv(
      'newsletter.csv',
      'email,Newsletter\ny1@example.com,Y\nn1@example.com,N\nm1@example.com,Peut-être\n',
    );
    await page.goto(`${app.url}${BASE}/imports/new/${words.documentId}?step=mapping`);
    await choose('Field for Newsletter', 'E-mail opt-in');
    await mappingRow('Newsletter').getByTestId('opt-in-words-toggle').click();
    const editor = mappingRow('Newsletter').getByTestId('opt-in-words');
    // The distinct values of the sample, each left to the server's reading until set.
    expect(
      await editor.locator('[data-testid="opt-in-word"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-word'))),
    ).toEqual(['Y', 'N', 'Peut-être']);
    await choose('Meaning of Y', 'Yes');
    await choose('Meaning of N', 'No');
    // A word the sample does not show is typed in (Enter adds it, as yes) and can be removed again.
    await editor.getByLabel('Another word of the file').fill('Oui');
    await editor.getByLabel('Another word of the file').press('Enter');
    await editor.locator('[data-testid="opt-in-word"][data-word="Oui"]').waitFor();
    await editor.getByRole('button', { name: 'Remove Oui' }).click();
    await editor.locator('[data-testid="opt-in-word"][data-word="Oui"]').waitFor({ state: 'detached' });
    await waitForText(mappingRow('Newsletter').getByTestId('opt-in-words-toggle'), 'Words of this column (2 set)');
    await editor.scrollIntoViewIfNeeded();
    await shot(page, 'mapping-opt-in-words');
    await page.getByTestId('wizard-next').click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    expect((await api.ok('GET', `/contacts/imports/${words.documentId}`)).data.mapping).toEqual(
      expect.arrayContaining([{ column: 'Newsletter', field: 'emailOptIn', values: { Y: 'yes', N: 'no' } }]),
    );
    const row = (email: string) => page.locator('[data-testid="preview-row"]').filter({ hasText: email });
    await row('y1@example.com').getByText('Yes', { exact: true }).waitFor();
    await row('n1@example.com').getByText('No', { exact: true }).waitFor();
    await waitForText(row('m1@example.com').getByTestId('preview-warning-cell'), 'Peut-être');
    await api.ok('DELETE', `/contacts/imports/${words.documentId}`);
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

  test('stops a running import from the history, a stale row offers only what its status allows, then deletes it', async () => {
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

    // The wizard's last step says what a stopped import is: stopped, not importing.
    await page.goto(`${app.url}${BASE}/imports/new/${big.documentId}`);
    await waitForText(page.getByTestId('run-card').locator('h2'), 'Stopped');
    await page.getByText('Resume continues after the last saved batch.').first().waitFor();
    await page.goto(`${app.url}${BASE}/imports`);
    await row.getByRole('button', { name: 'Resume' }).waitFor();

    // Resumed elsewhere (the API) while this page, with nothing running, no longer refreshes: the
    // row is stale. Its Resume is refused, the refusal shows, and the row comes back as it is now.
    await api.ok('POST', `/contacts/imports/${big.documentId}/resume`);
    // A busy server may drop one of these polls: only the answer counts.
    await eventually(
      async () =>
        (await api.request('GET', `/contacts/imports/${big.documentId}`).catch(() => null))?.body?.data?.status === 'imported',
      'the resumed import to finish',
      120000,
    );
    expect(await row.getAttribute('data-status')).toBe('stopped');
    await row.getByRole('button', { name: 'Resume' }).click();
    await expectNotification('Only a stopped or failed import can resume (this one is imported)');
    await eventually(async () => (await row.getAttribute('data-status')) === 'imported', 'the row read again');
    // An imported import can only be deleted.
    expect(await row.getByRole('button', { name: 'Resume' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: 'Stop' }).count()).toBe(0);
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
