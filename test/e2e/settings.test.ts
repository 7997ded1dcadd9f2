/**
 * The base's settings and a contact's history in a real browser against the
 * built playground: the unicity key cannot become the mobile while two
 * contacts share one (409, the conflicts listed with links to the contacts,
 * nothing changed), and can once they no longer do; a role without the
 * settings action only reads them; an import then writes a contact's history,
 * which links back to the import; and the same pages in French.
 * Screenshots: test/.artifacts/screenshots/settings/.
 */
import type { Browser, Page } from 'playwright-core';
import { PERMISSIONS } from '../../shared/constants';
import { AdminApi } from './helpers/admin-api';
import { launchBrowser, newPage, screenshotter } from './helpers/browser';
import { loginAs } from './helpers/login';
import { SCREENSHOTS } from './helpers/paths';
import { ADMIN, startPlayground, type Playground } from './helpers/playground';
import { expectNotification as notified } from './helpers/ui';
import { eventually, waitForCount, waitForText } from './helpers/wait';

jest.setTimeout(180000);

const BASE = '/admin/plugins/contacts';
const SHARED = '+33611111111';

let app: Playground;
let browser: Browser;
let api: AdminApi;
let page: Page;
const shot = screenshotter('settings');
const people: Record<string, { documentId: string }> = {};

beforeAll(async () => {
  process.env.CONTACTS_QUEUE_TICK_SECONDS = '1';
  app = await startPlayground();
  browser = await launchBrowser();
  api = await AdminApi.login(app.url, ADMIN.email, ADMIN.password);
  // Ada and Bob share a mobile (a family line): fine while the e-mail is the key.
  people.ada = await api.createContact({
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'King',
    mobile: SHARED,
    country: 'FR',
  });
  people.bob = await api.createContact({ email: 'bob@example.com', firstName: 'Bob', lastName: 'King', mobile: SHARED });
  people.cleo = await api.createContact({ email: 'cleo@example.com', firstName: 'Cléo', mobile: '+33622222222' });
  page = await newPage(browser);
  page.setDefaultTimeout(30000);
});

afterEach(async () => {
  await page?.screenshot({ path: `${SCREENSHOTS}/settings/last-state.png`, fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const expectNotification = (text: string | RegExp) => notified(page, text);

describe('Settings and history', () => {
  test('the settings page says what the unicity key is; a change is confirmed first', async () => {
    await loginAs(page, app.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.url}${BASE}/contacts`);
    // The plugin's own menu (Strapi's main menu has a Settings link too).
    await page.getByRole('navigation', { name: 'Contacts' }).getByRole('link', { name: 'Settings', exact: true }).click();
    await page.waitForURL(`**${BASE}/settings`);
    await page.getByRole('heading', { name: 'Unicity key' }).waitFor();
    await waitForText(page.getByTestId('saved-unique-key'), 'Saved: E-mail');
    expect(await page.getByRole('radio', { name: 'E-mail' }).isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await shot(page, 'settings');

    await page.getByRole('radio', { name: 'Mobile' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Make Mobile the unicity key?').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'settings-confirm');
  });

  test('refused while two contacts share a mobile: the conflicts are listed, nothing changes', async () => {
    await page.getByRole('alertdialog').getByRole('button', { name: 'Change the key' }).click();
    const refused = page.getByTestId('key-change-refused');
    await waitForText(refused, 'Nothing changed: the unicity key is still E-mail.');
    await waitForText(refused, '2 contacts share 1 mobile number');
    const row = page.getByTestId('key-conflict-row');
    await waitForCount(row, 1);
    expect(await row.textContent()).toContain(SHARED);
    expect(await row.textContent()).toContain('2 contacts');
    await row.getByRole('link', { name: 'Ada King' }).waitFor();
    await row.getByRole('link', { name: 'Bob King' }).waitFor();
    await waitForText(page.getByTestId('saved-unique-key'), 'Saved: E-mail');
    await shot(page, 'settings-conflicts');
    expect((await api.ok('GET', '/contacts/settings')).data).toEqual({ uniqueKey: 'email' });

    // Each contact opens from the list, to be corrected there.
    await row.getByRole('link', { name: 'Bob King' }).click();
    await page.waitForURL(`**${BASE}/contacts/${people.bob.documentId}`);
    await page.getByRole('heading', { name: 'Bob King' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Unicity key' }).waitFor();
  });

  test('accepted once the mobiles are told apart', async () => {
    await page.getByRole('radio', { name: 'Mobile' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Change the key' }).click();
    await page.getByTestId('key-conflict-row').waitFor();

    await api.ok('PUT', `/contacts/contacts/${people.bob.documentId}`, { mobile: '+33633333333' });
    await page.getByTestId('key-change-retry').click();
    await expectNotification('The unicity key is now Mobile.');
    await waitForText(page.getByTestId('saved-unique-key'), 'Saved: Mobile');
    expect(await page.getByTestId('key-change-refused').count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Mobile' }).isChecked()).toBe(true);
    await shot(page, 'settings-mobile');
    expect((await api.ok('GET', '/contacts/settings')).data).toEqual({ uniqueKey: 'mobile' });

    // The contact form marks the new key required.
    await page.goto(`${app.url}${BASE}/contacts/${people.cleo.documentId}`);
    await page.getByText('Mobile is the unicity key of the base').waitFor();
  });

  test('a role without the settings action has no menu entry and reads the page only', async () => {
    const reader = await api.createUserWithActions([PERMISSIONS.contacts.read], 'Reader1234!');
    const readerPage = await newPage(browser);
    try {
      await loginAs(readerPage, app.url, reader.email, reader.password);
      await readerPage.goto(`${app.url}${BASE}/contacts`);
      await readerPage.getByTestId('contact-row').first().waitFor();
      await readerPage.waitForTimeout(1000);
      const pluginMenu = readerPage.getByRole('navigation', { name: 'Contacts' });
      await pluginMenu.getByRole('link', { name: 'All contacts' }).waitFor();
      expect(await pluginMenu.getByRole('link', { name: 'Settings', exact: true }).count()).toBe(0);
      await readerPage.goto(`${app.url}${BASE}/settings`);
      await readerPage.getByTestId('settings-read-only').waitFor();
      await waitForText(readerPage.getByTestId('saved-unique-key'), 'Saved: Mobile');
      expect(await readerPage.getByRole('radio', { name: 'E-mail' }).isDisabled()).toBe(true);
      expect(await readerPage.getByRole('button', { name: 'Save' }).count()).toBe(0);
      await shot(readerPage, 'settings-read-only');
      const readerApi = await AdminApi.login(app.url, reader.email, reader.password);
      expect((await readerApi.request('PUT', '/contacts/settings', { uniqueKey: 'email' })).status).toBe(403);
    } finally {
      await readerPage.context().close();
    }
  });

  test("a contact's history lists the imports that created and updated it, newest first", async () => {
    // Matched on the mobile (the key now): Ada is updated, Dora is created.
    const run = async (text: string, name: string) => {
      const created = (await api.ok('POST', '/contacts/imports', { text, name })).data;
      await api.ok('POST', `/contacts/imports/${created.documentId}/start`);
      await eventually(
        async () => (await api.ok('GET', `/contacts/imports/${created.documentId}`)).data.status === 'imported',
        `the import ${name}`,
        60000,
      );
      return created.documentId as string;
    };
    const first = await run(`mobile,company\n${SHARED},King & Co\n+33644444444,Dora SARL\n`, 'Spring fair');
    const second = await run(`mobile,company\n${SHARED},King & Daughters\n`, 'Summer fair');

    await page.goto(`${app.url}${BASE}/contacts/${people.ada.documentId}`);
    const history = page.getByTestId('contact-history');
    await history.getByRole('heading', { name: 'History' }).waitFor();
    const entries = history.getByTestId('contact-history-entry');
    await waitForCount(entries, 2);
    expect(await entries.nth(0).textContent()).toContain('Updated');
    expect(await entries.nth(0).textContent()).toContain('by the import «Summer fair»');
    expect(await entries.nth(1).textContent()).toContain('by the import «Spring fair»');
    await history.scrollIntoViewIfNeeded();
    await shot(page, 'contact-history');

    // Each entry opens its import.
    await entries.nth(1).getByRole('link', { name: 'Spring fair' }).click();
    await page.waitForURL(`**${BASE}/imports/${first}`);
    await page.getByRole('heading', { name: 'Spring fair', level: 1 }).waitFor();

    const dora = (await api.findContacts('+33644444444')).data[0];
    await page.goto(`${app.url}${BASE}/contacts/${dora.documentId}`);
    await waitForCount(page.getByTestId('contact-history-entry'), 1);
    expect(await page.getByTestId('contact-history-entry').textContent()).toContain('Created');
    expect(second).toBeTruthy();

    // A contact no import touched says so.
    await page.goto(`${app.url}${BASE}/contacts/${people.cleo.documentId}`);
    await page.getByTestId('contact-history-empty').waitFor();
  });

  test('in French: field labels, values, the history and the settings', async () => {
    await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'fr'));
    try {
      await page.goto(`${app.url}${BASE}/contacts/${people.ada.documentId}`);
      await page.getByRole('heading', { name: 'Historique' }).waitFor();
      for (const label of ['Prénom', 'Nom', 'Société', 'Pays', 'Consentement e-mail', 'Consentement SMS']) {
        await page.getByText(label, { exact: true }).first().waitFor();
      }
      expect(await page.getByRole('combobox', { name: 'Pays' }).inputValue()).toBe('France (FR)');
      expect(await page.getByRole('combobox', { name: 'Consentement e-mail' }).textContent()).toContain('Inconnu');
      await waitForText(page.getByTestId('contact-history-entry').first(), 'Mis à jour');
      await waitForText(page.getByTestId('contact-history-entry').first(), "par l'import «\u00a0Summer fair\u00a0»");
      await shot(page, 'contact-fr');

      await page.goto(`${app.url}${BASE}/settings`);
      await page.getByRole('heading', { name: "Clé d'unicité" }).waitFor();
      await waitForText(page.getByTestId('saved-unique-key'), 'Enregistrée : Mobile');
      await shot(page, 'settings-fr');

      // The fields page names the built-in fields in French (their stored label is the English default).
      await page.goto(`${app.url}${BASE}/fields`);
      const country = page.locator('[data-testid="field-row"][data-key="country"]');
      await waitForText(country, 'Pays');
      await waitForText(page.locator('[data-testid="field-row"][data-key="emailOptIn"]'), 'Oui, Non, Liste orange, Liste noire');
      await shot(page, 'fields-fr');
    } finally {
      await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
    }
  });
});
