/**
 * Segments in a real browser against the built playground: the default
 * segments and a refresh, a two-level segment built in the builder while the
 * live count follows each change (and a server refusal shown at its
 * condition), saved; a static segment; an import started in the wizard that
 * adds to it, notified wherever the person is with a badge on the menu until
 * they look, after which the dynamic segment shows its new count; the
 * contacts page's advanced search (criteria in the URL), every result of it
 * added to a static segment, tags, a delete naming its count, the search
 * saved as a dynamic segment and frozen into a static one; a segment's
 * members and an import's contacts opened as searches.
 * Screenshots: test/.artifacts/screenshots/segments/ (full pages) and
 * test/.artifacts/screenshots/segments-docs/ (1280×800 viewport, for docs/screenshots).
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { AdminApi } from './helpers/admin-api';
import { launchBrowser, newPage, screenshotter } from './helpers/browser';
import { loginAs } from './helpers/login';
import { SCREENSHOTS } from './helpers/paths';
import { ADMIN, startPlayground, type Playground } from './helpers/playground';
import { choose as chooseIn, expectNotification as notified } from './helpers/ui';
import { eventually, waitForCount, waitForText } from './helpers/wait';

jest.setTimeout(240000);

const BASE = '/admin/plugins/contacts';

let app: Playground;
let browser: Browser;
let api: AdminApi;
let page: Page;
const shot = screenshotter('segments');
const DOCS = path.join(SCREENSHOTS, 'segments-docs');

const docShot = async (name: string) => {
  fs.mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: path.join(DOCS, `${name}.png`) });
};

/**
 * Paris AND (gold OR (score ≥ N AND e-mail opt-in yes)) is the segment the
 * builder makes: with N = 50 Ada, Bob, Eve and Fay; with N = 70 Fay (60) leaves.
 */
const CONTACTS = [
  { firstName: 'Ada', city: 'Paris', plan: 'gold', score: 90, emailOptIn: 'yes' },
  { firstName: 'Bob', city: 'Paris', plan: 'silver', score: 95, emailOptIn: 'yes' },
  { firstName: 'Cleo', city: 'Paris', plan: 'bronze', score: 40, emailOptIn: 'yes' },
  { firstName: 'Dan', city: 'Lyon', plan: 'gold', score: 80, emailOptIn: 'yes' },
  { firstName: 'Eve', city: 'Paris', plan: 'gold', score: 20, emailOptIn: null },
  { firstName: 'Fay', city: 'Paris', plan: 'silver', score: 60, emailOptIn: 'yes' },
  { firstName: 'Gus', city: 'Paris', plan: 'silver', score: 70, emailOptIn: 'no' },
];
const email = (firstName: string) => `${firstName.toLowerCase()}@segments.test`;
/** Hal matches the segment (Paris, gold); Ivy does not. */
const IMPORT_CSV = 'email,city,plan,score\nhal@segments.test,Paris,gold,10\nivy@segments.test,Paris,bronze,10\n';

beforeAll(async () => {
  fs.rmSync(DOCS, { recursive: true, force: true });
  process.env.CONTACTS_QUEUE_TICK_SECONDS = '1';
  app = await startPlayground();
  browser = await launchBrowser();
  api = await AdminApi.login(app.url, ADMIN.email, ADMIN.password);
  await api.createField({ key: 'city', label: 'City', type: 'text' });
  await api.createField({ key: 'plan', label: 'Plan', type: 'select', options: ['bronze', 'silver', 'gold'] });
  await api.createField({ key: 'score', label: 'Score', type: 'integer' });
  for (const c of CONTACTS) {
    await api.createContact({
      email: email(c.firstName),
      firstName: c.firstName,
      emailOptIn: c.emailOptIn,
      attributes: { city: c.city, plan: c.plan, score: c.score },
    });
  }
  page = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 800 });
  page.setDefaultTimeout(45000);
});

afterEach(async () => {
  await page?.screenshot({ path: `${SCREENSHOTS}/segments/last-state.png`, fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const expectNotification = (text: string | RegExp) => notified(page, text);
const choose = (scope: Locator | Page, comboboxName: string, option: string) => chooseIn(page, scope, comboboxName, option);
/** A multi-select stays open for more: pick, then close it. */
const pick = async (scope: Locator, comboboxName: string, option: string) => {
  await choose(scope, comboboxName, option);
  await page.keyboard.press('Escape');
};
const segmentRow = (name: string) => page.locator(`[data-testid="segment-row"][data-name="${name}"]`);
const group = (depth: number) => page.locator(`[data-testid="criteria-group"][data-depth="${depth}"]`).last();
/** The group's own buttons come after the groups it holds: the last one is its own. */
const addTo = (depth: number, what: 'Condition' | 'Group' | 'In a segment' | 'In an import') =>
  group(depth).getByRole('button', { name: what, exact: true }).last().click();
const condition = (n: number) => page.getByTestId('criteria-condition').nth(n);
const liveCount = () => page.getByTestId('live-count');
const waitForLiveCount = (count: number) =>
  eventually(
    async () => (await liveCount().getAttribute('data-count').catch(() => null)) === String(count) && !(await page.getByText('Counting…').isVisible()),
    `a live count of ${count}`,
  );
const storedSegment = async (name: string) =>
  ((await api.ok('GET', '/contacts/segments?pageSize=200')).data as any[]).find((s) => s.name === name);

describe('Segments', () => {
  test('the default segments show their criteria read-only; a refresh shows what it changed', async () => {
    await loginAs(page, app.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.url}${BASE}/contacts`);
    await page.getByRole('link', { name: 'Segments', exact: true }).click();
    await page.waitForURL(`**${BASE}/segments**`);
    await page.getByRole('heading', { name: 'Segments', level: 1 }).waitFor();
    await segmentRow('All contacts').waitFor();
    expect(await page.getByTestId('segment-row').count()).toBe(11);
    await waitForText(
      segmentRow('E-mail subscribers').getByTestId('segment-criteria'),
      'E-mail is not empty and E-mail opt-in is one of Yes',
    );
    // Default segments cannot be deleted.
    expect(await segmentRow('All contacts').getByRole('button', { name: /^Delete/ }).count()).toBe(0);

    await segmentRow('All contacts').getByRole('button', { name: 'Refresh All contacts' }).click();
    await expectNotification('Segment «All contacts» refreshed: 7 contacts (+7, −0)');
    await waitForText(segmentRow('All contacts').getByTestId('segment-count'), '7');
    await waitForText(segmentRow('All contacts').getByTestId('segment-last-refresh'), '+7 / −0 in');
    await shot(page, 'list');
    await docShot('segment-01-list');

    await segmentRow('E-mail subscribers').click();
    await page.getByTestId('criteria-read-only').waitFor();
    expect(await page.getByTestId('criteria-read-only').textContent()).toBe('E-mail is not empty and E-mail opt-in is one of Yes');
    expect(await page.getByTestId('criteria-builder').count()).toBe(0);
    await shot(page, 'default-segment');
  });

  test('builds a two-level segment while the live count follows each change, then saves it', async () => {
    await page.goto(`${app.url}${BASE}/segments`);
    await page.getByRole('link', { name: 'Create a segment' }).click();
    await page.waitForURL(`**${BASE}/segments/new`);
    await page.getByLabel('Name').fill('Paris VIP');
    // No condition yet: every contact.
    await waitForLiveCount(7);

    await addTo(0, 'Condition');
    await choose(condition(0), 'Field', 'City');
    expect(await condition(0).getByRole('combobox', { name: 'Operator' }).textContent()).toContain('is');
    await condition(0).getByRole('textbox', { name: 'Value' }).fill('PARIS');
    await waitForLiveCount(6);

    // A group in the group: Paris AND (gold OR (…)).
    await addTo(0, 'Group');
    expect(await group(1).getByRole('combobox', { name: 'Match' }).first().textContent()).toContain('any of these conditions');
    await addTo(1, 'Condition');
    await choose(condition(1), 'Field', 'Plan');
    await pick(condition(1), 'Values', 'gold');
    await waitForLiveCount(2);

    await addTo(1, 'Group');
    expect(await group(2).getByRole('combobox', { name: 'Match' }).textContent()).toContain('all of these conditions');
    await addTo(2, 'Condition');
    await choose(condition(2), 'Field', 'Score');
    await choose(condition(2), 'Operator', 'is at least');
    await condition(2).getByRole('textbox', { name: 'Value' }).fill('50');
    await waitForLiveCount(5);
    await addTo(2, 'Condition');
    await choose(condition(3), 'Field', 'E-mail opt-in');
    await pick(condition(3), 'Values', 'Yes');
    await waitForLiveCount(4);

    // The count follows an edit: Fay (60) no longer scores enough.
    await condition(2).getByRole('textbox', { name: 'Value' }).fill('70');
    await waitForLiveCount(3);
    const sample = page.getByTestId('live-sample');
    for (const name of ['Ada', 'Bob', 'Eve']) await sample.getByText(name, { exact: true }).waitFor();
    expect(await sample.getByText('Fay', { exact: true }).count()).toBe(0);
    await shot(page, 'builder');
    await page.getByTestId('criteria-builder').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await docShot('segment-02-builder');

    // What the server refuses shows next to the condition it names (criteria.conditions.1.conditions.2.value).
    await addTo(1, 'Condition');
    await choose(condition(4), 'Field', 'City');
    await choose(condition(4), 'Operator', 'contains');
    await condition(4).getByRole('textbox', { name: 'Value' }).fill('x'.repeat(1001));
    await waitForText(condition(4).getByTestId('condition-error'), 'the text is longer than 1,000 characters');
    expect(await condition(0).getByTestId('condition-error').count()).toBe(0);
    await condition(4).scrollIntoViewIfNeeded();
    await shot(page, 'builder-error');
    await condition(4).getByRole('button', { name: 'Remove this condition' }).click();
    await waitForLiveCount(3);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectNotification('Segment «Paris VIP» saved: 3 contacts');
    await page.waitForURL(new RegExp(`${BASE}/segments(\\?|$)`));
    await waitForText(segmentRow('Paris VIP').getByTestId('segment-count'), '3');
    await waitForText(segmentRow('Paris VIP').getByTestId('segment-criteria'), 'City is "PARIS" and (Plan is one of gold or (Score is at least 70');

    const stored = await storedSegment('Paris VIP');
    expect(stored).toMatchObject({ kind: 'dynamic', count: 3, lastRefresh: { added: 3, removed: 0 } });
    expect(stored.criteria).toEqual({
      match: 'all',
      conditions: [
        { field: 'city', operator: 'eq', value: 'PARIS' },
        {
          match: 'any',
          conditions: [
            { field: 'plan', operator: 'in', value: ['gold'] },
            {
              match: 'all',
              conditions: [
                { field: 'score', operator: 'gte', value: 70 },
                { field: 'emailOptIn', operator: 'in', value: ['yes'] },
              ],
            },
          ],
        },
      ],
    });
  });

  test('an import started in the wizard fills a static segment, is notified elsewhere with a badge, and the segment follows', async () => {
    // A static segment, made on the segments page.
    await page.getByRole('link', { name: 'Create a segment' }).click();
    await page.getByLabel('Name').fill('Fair 2026');
    await page.getByRole('radio', { name: 'Static' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectNotification('Segment «Fair 2026» saved: no contact');
    await segmentRow('Fair 2026').waitFor();

    const form = new FormData();
    form.append('file', new Blob([IMPORT_CSV], { type: 'text/csv' }), 'fair.csv');
    const res = await fetch(`${app.url}/contacts/imports`, { method: 'POST', headers: { Authorization: `Bearer ${api.token}` }, body: form });
    const draft = ((await res.json()) as any).data;
    await api.ok('PUT', `/contacts/imports/${draft.documentId}`, {
      mapping: ['email', 'city', 'plan', 'score'].map((column) => ({ column, field: column })),
    });

    // The wizard's segment picker lists the static segments only.
    await page.goto(`${app.url}${BASE}/imports/new/${draft.documentId}?step=options`);
    await page.getByRole('heading', { name: 'Options' }).waitFor();
    await page.getByRole('combobox', { name: 'Add to static segments' }).click();
    await page.getByRole('option', { name: 'Fair 2026', exact: true }).waitFor();
    expect(await page.getByRole('option', { name: 'Paris VIP', exact: true }).count()).toBe(0);
    await page.getByRole('option', { name: 'Fair 2026', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('wizard-next').click();
    await page.getByRole('heading', { name: 'Mapping', exact: true }).waitFor();
    await page.getByTestId('wizard-next').click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    expect((await api.ok('GET', `/contacts/imports/${draft.documentId}`)).data.options.segmentIds).toEqual([
      (await storedSegment('Fair 2026')).documentId,
    ]);
    // A two-row import ends in a blink: the admin's reads of it wait until the
    // person has left its page, as they would have for a longer one.
    let release!: () => void;
    const away = new Promise<void>((resolve) => (release = resolve));
    const importUrl = new RegExp(`/contacts/imports/${draft.documentId}(\\?|$)`);
    const hold = async (route: import('playwright-core').Route) => {
      await away;
      await route.continue();
    };
    await page.route(importUrl, hold);
    await page.getByRole('button', { name: /^Start the import/ }).click();

    // Gone to another page of the plugin: the end is told there, and the menu keeps a badge.
    await page.getByRole('link', { name: 'Segments', exact: true }).click();
    await page.waitForURL(new RegExp(`${BASE}/segments(\\?|$)`));
    // Released, the route passes every later read straight through.
    release();
    await expectNotification('Import «fair.csv» finished: 2 created, 0 updated, 0 failed.');
    await page.getByTestId('nav-jobs-badge').waitFor();
    await page.getByTestId('contacts-jobs-dot').waitFor();
    // The segments refresh after the import; the page reads them again.
    await waitForText(segmentRow('Paris VIP').getByTestId('segment-count'), '4', 20000);
    await waitForText(segmentRow('Fair 2026').getByTestId('segment-count'), '2');
    await waitForText(segmentRow('Paris VIP').getByTestId('segment-last-refresh'), '+1 / −0');
    await shot(page, 'import-notified');
    await docShot('segment-03-refreshed-after-import');

    // The badge lives in the tab's session: a reload keeps it; opening the imports clears it.
    await page.reload();
    await page.getByTestId('nav-jobs-badge').waitFor();
    await page.getByRole('link', { name: /^Imports/ }).click();
    await page.waitForURL(new RegExp(`${BASE}/imports(\\?|$)`));
    await page.getByTestId('nav-jobs-badge').waitFor({ state: 'detached' });
    expect(await page.getByTestId('contacts-jobs-dot').count()).toBe(0);
  });

  test('an advanced search lives in the URL; every result goes into a static segment; tags; a delete names its count', async () => {
    await page.goto(`${app.url}${BASE}/contacts?page=1&pageSize=2`);
    await page.getByRole('button', { name: /^Advanced search/ }).click();
    await addTo(0, 'Condition');
    await choose(condition(0), 'Field', 'Plan');
    await pick(condition(0), 'Values', 'gold');
    // Ada, Dan, Eve, Hal; two per page.
    await page.waitForURL(/criteria=/);
    await page.getByText('4 contacts', { exact: true }).waitFor();
    await waitForCount(page.getByTestId('contact-row'), 2);

    // A link to this search opens it again.
    await page.reload();
    await page.getByTestId('advanced-search').waitFor();
    expect(await condition(0).getByRole('combobox', { name: 'Field' }).textContent()).toContain('Plan');
    await waitForCount(page.getByTestId('contact-row'), 2);

    await page.getByRole('checkbox', { name: 'Select the contacts of this page' }).click();
    await waitForText(page.getByTestId('bulk-count'), '2 contacts selected');
    await page.getByRole('button', { name: 'Select all 4 results' }).click();
    await waitForText(page.getByTestId('bulk-count'), 'All 4 results selected');
    await shot(page, 'bulk-selected');
    await docShot('segment-04-search-bulk');
    await page.getByRole('button', { name: 'Add to a segment' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Add 4 contacts to a static segment').waitFor();
    await choose(dialog, 'Static segment', 'Fair 2026');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    // Hal was there from the import, Ivy too: Ada, Dan and Eve join.
    await expectNotification('«Fair 2026» now has 5 contacts.');
    expect((await storedSegment('Fair 2026')).count).toBe(5);

    // Tags on a selection of one.
    await page.getByTestId('contact-row').first().getByRole('checkbox').click();
    await waitForText(page.getByTestId('bulk-count'), '1 contact selected');
    await page.getByRole('button', { name: 'Add tags' }).click();
    await page.getByRole('dialog').getByLabel('Tags').fill('vip');
    await page.getByRole('dialog').getByLabel('Tags').press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Add', exact: true }).click();
    await expectNotification('Tags added to 1 contact.');
    const tagged = await api.ok('GET', `/contacts/contacts?criteria=${encodeURIComponent(JSON.stringify({ match: 'all', conditions: [{ field: 'tags', operator: 'in', value: ['vip'] }] }))}`);
    expect(tagged.meta.pagination.total).toBe(1);

    // A delete says how many contacts go.
    await page.goto(`${app.url}${BASE}/contacts?page=1&pageSize=25&_q=dan%40segments.test`);
    await page.getByTestId('contact-row').first().waitFor();
    await waitForCount(page.getByTestId('contact-row'), 1);
    await page.getByRole('checkbox', { name: 'Select Dan' }).click();
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('Delete 1 contact?').waitFor();
    await shot(page, 'bulk-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete 1 contact' }).click();
    await expectNotification('1 contact deleted.');
    await page.getByText('No contact matches this search.').waitFor();
  });

  test('a search saved as a dynamic segment, and frozen into a static one', async () => {
    const gold = encodeURIComponent(
      // The URL form the page writes (base64url JSON), as a shared link would carry it.
      Buffer.from(JSON.stringify({ match: 'all', conditions: [{ field: 'plan', operator: 'in', value: ['gold'] }] })).toString('base64url'),
    );
    await page.goto(`${app.url}${BASE}/contacts?page=1&pageSize=25&criteria=${gold}`);
    await waitForCount(page.getByTestId('contact-row'), 3);
    await page.getByRole('button', { name: 'Freeze into a static segment' }).click();
    await page.getByRole('dialog').getByText('The 3 contacts found now become the members').waitFor();
    await page.getByRole('dialog').getByLabel('Name').fill('Gold today');
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await expectNotification('Segment «Gold today» saved: 3 contacts');
    await page.waitForURL(new RegExp(`${BASE}/segments/[a-z0-9]+$`));
    await waitForText(page.getByTestId('segment-members-count'), '3 contacts');
    expect(await storedSegment('Gold today')).toMatchObject({ kind: 'static', count: 3, criteria: null });

    await page.goto(`${app.url}${BASE}/contacts?page=1&pageSize=25&criteria=${gold}`);
    await waitForCount(page.getByTestId('contact-row'), 3);
    await page.getByRole('button', { name: 'Save as a dynamic segment' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Gold');
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await expectNotification('Segment «Gold» saved: 3 contacts');
    await page.waitForURL(new RegExp(`${BASE}/segments/[a-z0-9]+$`));
    expect(await storedSegment('Gold')).toMatchObject({
      kind: 'dynamic',
      count: 3,
      criteria: { match: 'all', conditions: [{ field: 'plan', operator: 'in', value: ['gold'] }] },
    });
  });

  test("a segment's members and an import's contacts open as searches", async () => {
    await page.goto(`${app.url}${BASE}/segments`);
    await segmentRow('Paris VIP').getByRole('link', { name: 'See the contacts of Paris VIP' }).click();
    await page.waitForURL(/\/contacts\?.*criteria=/);
    await page.getByTestId('advanced-search').waitFor();
    await waitForText(condition(0).getByRole('combobox', { name: 'Segment', exact: true }), 'Paris VIP');
    await waitForCount(page.getByTestId('contact-row'), 4);
    for (const name of ['ada', 'bob', 'eve', 'hal']) await page.getByText(`${name}@segments.test`, { exact: true }).waitFor();
    await shot(page, 'segment-members');

    const imports = (await api.ok('GET', '/contacts/imports')).data as any[];
    const fair = imports.find((i) => i.name === 'fair.csv');
    await page.goto(`${app.url}${BASE}/imports/${fair.documentId}`);
    await page.getByRole('heading', { name: 'fair.csv', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'See the contacts' }).first().click();
    await page.waitForURL(/\/contacts\?.*criteria=/);
    await waitForText(condition(0).getByRole('combobox', { name: 'In import', exact: true }), 'Was imported by');
    await waitForText(condition(0).getByRole('combobox', { name: 'Import', exact: true }), 'fair.csv');
    await waitForCount(page.getByTestId('contact-row'), 2);
    await page.getByText('hal@segments.test', { exact: true }).waitFor();
    await page.getByText('ivy@segments.test', { exact: true }).waitFor();
    await shot(page, 'import-contacts');
  });
});
