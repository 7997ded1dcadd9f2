/**
 * The Contacts page in a real browser against the built playground:
 * list → create (custom fields of every type, a country by its name, opt-ins
 * left unknown) → search → edit (incl. a server-side 400 shown next to its
 * input, an opt-in set and back to unknown) → delete, then a read-only role.
 * Screenshots: test/.artifacts/screenshots/contacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { PERMISSIONS } from '../../shared/constants';
import { AdminApi } from './helpers/admin-api';
import { launchBrowser, newPage, screenshotter } from './helpers/browser';
import { loginAs } from './helpers/login';
import { ADMIN, startPlayground, type Playground } from './helpers/playground';
import { expectNotification as notified } from './helpers/ui';
import { SCREENSHOTS } from './helpers/paths';
import { waitForCount, waitForText } from './helpers/wait';

jest.setTimeout(180000);

const CONTACTS_URL = '/admin/plugins/contacts/contacts';

let app: Playground;
let browser: Browser;
let api: AdminApi;
let page: Page;
const shot = screenshotter('contacts');

beforeAll(async () => {
  app = await startPlayground();
  browser = await launchBrowser();
  api = await AdminApi.login(app.url, ADMIN.email, ADMIN.password);
  // One custom field per type, so the form shows every input the type calls for.
  await api.createField({ key: 'city', label: 'City', type: 'text' });
  await api.createField({ key: 'plan', label: 'Plan', type: 'select', options: ['bronze', 'silver', 'gold'] });
  await api.createField({ key: 'visits', label: 'Visits', type: 'integer' });
  await api.createField({ key: 'spent', label: 'Spent', type: 'decimal' });
  await api.createField({ key: 'vip', label: 'VIP', type: 'boolean' });
  await api.createField({ key: 'birthday', label: 'Birthday', type: 'date' });
  await api.createField({ key: 'lastSeen', label: 'Last seen', type: 'datetime' });
  await api.createField({ key: 'workEmail', label: 'Work e-mail', type: 'email' });
  await api.createField({ key: 'workPhone', label: 'Work phone', type: 'phone' });
  await api.createField({ key: 'website', label: 'Website', type: 'url' });
  await api.createField({ key: 'interests', label: 'Interests', type: 'multiselect', options: ['maths', 'music', 'poetry'] });
  await api.createField({ key: 'notes', label: 'Notes', type: 'longtext' });
  page = await newPage(browser);
});

// For debugging a failure: the page as the last test left it.
afterEach(async () => {
  await page?.screenshot({ path: `${SCREENSHOTS}/contacts/last-state.png`, fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const expectNotification = (text: string | RegExp) => notified(page, text);

describe('Contacts admin page', () => {
  let documentId = '';

  test('logs in and opens the plugin from the menu, empty state', async () => {
    await loginAs(page, app.url, ADMIN.email, ADMIN.password);
    await shot(page, 'logged-in');
    await page.getByRole('navigation').getByRole('link', { name: 'Contacts' }).click();
    await page.waitForURL(`**${CONTACTS_URL}**`);
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await page.getByText('No contacts yet').waitFor();
    await shot(page, 'list-empty');
  });

  test('creates a contact with custom field values of every type', async () => {
    await page.getByRole('link', { name: 'Create new contact' }).first().click();
    await page.waitForURL(`**${CONTACTS_URL}/new`);
    await page.getByRole('heading', { name: 'Create a contact' }).waitFor();
    await page.getByLabel('E-mail', { exact: true }).fill('Ada.Lovelace@Example.com');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Company').fill('Analytical Engines');
    await page.getByLabel('City').fill('London');
    await page.getByRole('combobox', { name: 'Plan' }).click();
    await page.getByRole('option', { name: 'gold' }).click();
    await page.getByLabel('Visits').fill('42');
    await page.getByLabel('Spent').fill('12.5');
    await page.getByLabel('VIP').click();
    const birthday = page.getByRole('combobox', { name: 'Birthday', exact: true });
    await birthday.fill('12/10/1990');
    await birthday.press('Tab');
    await page.getByLabel('Website').fill('https://example.com/ada');
    await page.getByRole('combobox', { name: 'Interests' }).click();
    await page.getByRole('option', { name: 'maths' }).click();
    await page.getByRole('option', { name: 'poetry' }).click();
    await page.keyboard.press('Escape');
    for (const label of ['Last seen', 'Work e-mail', 'Work phone']) await page.getByText(label, { exact: true }).waitFor();
    await page.getByLabel('Tags').fill('vip');
    await page.getByLabel('Tags').press('Enter');
    // A long text is a textarea: several lines.
    await page.getByRole('textbox', { name: 'Notes' }).fill('Met at the Royal Society.\nAsked about the engine.');
    // Countries by their name; the code is what is stored.
    await page.getByRole('combobox', { name: 'Country' }).click();
    await page.getByRole('combobox', { name: 'Country' }).fill('Kingdom');
    await page.getByRole('option', { name: 'United Kingdom (GB)' }).click();
    // Consent is never assumed: both opt-ins start unknown.
    expect(await page.getByRole('combobox', { name: 'E-mail opt-in' }).textContent()).toContain('Unknown');
    expect(await page.getByRole('combobox', { name: 'SMS opt-in' }).textContent()).toContain('Unknown');
    await shot(page, 'create-form-filled');

    await page.getByRole('button', { name: 'Save' }).click();
    await expectNotification('Contact created');
    await page.waitForURL(/\/contacts\/contacts\/(?!new)[a-z0-9]+$/);
    documentId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    await shot(page, 'created');

    const { data } = await api.ok('GET', `/contacts/contacts/${documentId}`);
    expect(data).toMatchObject({
      email: 'ada.lovelace@example.com',
      firstName: 'Ada',
      company: 'Analytical Engines',
      country: 'GB',
      emailOptIn: null,
      smsOptIn: null,
      tags: ['vip'],
      attributes: {
        notes: 'Met at the Royal Society.\nAsked about the engine.',
        city: 'London',
        plan: 'gold',
        visits: 42,
        spent: 12.5,
        vip: true,
        birthday: '1990-12-10',
        website: 'https://example.com/ada',
        interests: ['maths', 'poetry'],
      },
    });
  });

  test('finds the contact with the search box', async () => {
    await api.createContact({ email: 'charles.babbage@example.com', firstName: 'Charles', lastName: 'Babbage' });
    await page.goto(`${app.url}${CONTACTS_URL}`);
    await waitForCount(page.getByTestId('contact-row'), 2);
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('lovelace');
    await page.waitForURL(/[?&]_q=lovelace/);
    await waitForCount(page.getByTestId('contact-row'), 1);
    await page.getByTestId('contact-row').getByText('ada.lovelace@example.com').waitFor();
    await shot(page, 'search-result');
  });

  test('edits the contact; a server-side 400 shows next to its input', async () => {
    await page.getByTestId('contact-row').first().click();
    await page.waitForURL(`**/contacts/contacts/${documentId}`);
    await page.getByLabel('Mobile', { exact: true }).fill('not a number');
    await page.getByRole('button', { name: 'Save' }).click();
    const mobileError = page.getByText('is not a valid phone number');
    await mobileError.first().waitFor();
    await shot(page, 'edit-validation-error');

    await page.getByLabel('Mobile', { exact: true }).fill('+33 6 12 34 56 78');
    await page.getByLabel('Company').fill('Babbage & Co');
    await page.getByLabel('City').fill('Paris');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectNotification('Contact saved');
    await shot(page, 'edited');

    const { data } = await api.ok('GET', `/contacts/contacts/${documentId}`);
    expect(data).toMatchObject({ company: 'Babbage & Co', mobile: '+33612345678', attributes: { city: 'Paris', plan: 'gold' } });
    // The country came back as its name.
    expect(await page.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('United Kingdom (GB)');
  });

  test('an opt-in can be set, and set back to unknown', async () => {
    const optIn = page.getByRole('combobox', { name: 'E-mail opt-in' });
    await optIn.click();
    expect(await page.getByRole('option').allTextContents()).toEqual(['Unknown', 'Yes', 'No', 'Orange list', 'Blocklist']);
    await page.getByRole('option', { name: 'Yes' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expectNotification('Contact saved');
    expect((await api.ok('GET', `/contacts/contacts/${documentId}`)).data.emailOptIn).toBe('yes');

    await optIn.click();
    await page.getByRole('option', { name: 'Unknown' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expectNotification('Contact saved');
    expect((await api.ok('GET', `/contacts/contacts/${documentId}`)).data.emailOptIn).toBeNull();
    // The list says "Unknown" too.
    await page.goto(`${app.url}${CONTACTS_URL}`);
    await waitForText(page.getByTestId('contact-row').filter({ hasText: 'ada.lovelace@example.com' }), 'E-mail: Unknown');
  });

  test('a search with "&" survives sorting (the URL keeps it encoded)', async () => {
    await page.goto(`${app.url}${CONTACTS_URL}`);
    await waitForCount(page.getByTestId('contact-row'), 2);
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('Babbage & Co');
    await waitForCount(page.getByTestId('contact-row'), 1);
    await page.locator('thead th').filter({ hasText: 'Company' }).click();
    await page.waitForURL(/sort=company/);
    await waitForCount(page.getByTestId('contact-row'), 1);
    expect(await page.getByRole('searchbox', { name: 'Search contacts' }).inputValue()).toBe('Babbage & Co');
    await waitForText(page.getByTestId('contact-row').first(), 'ada.lovelace@example.com');
  });

  test('sorts the list by e-mail', async () => {
    await page.goto(`${app.url}${CONTACTS_URL}`);
    const emailHeader = page.locator('thead th').filter({ hasText: 'E-mail' });
    await emailHeader.click();
    await page.waitForURL(/sort=email(:|%3A)ASC/);
    await waitForText(page.getByTestId('contact-row').first(), 'ada.lovelace@example.com');
    await emailHeader.click();
    await page.waitForURL(/sort=email(:|%3A)DESC/);
    await waitForText(page.getByTestId('contact-row').first(), 'charles.babbage@example.com');
    await shot(page, 'sorted-desc');
  });

  test('an API error on the list shows its message and an error page', async () => {
    await page.goto(`${app.url}${CONTACTS_URL}?sort=nothing:ASC`);
    await expectNotification('sort must be one of');
    await page.getByRole('link', { name: 'Show all contacts' }).waitFor();
    await shot(page, 'list-error');
    await page.getByRole('link', { name: 'Show all contacts' }).click();
    await waitForCount(page.getByTestId('contact-row'), 2);
  });

  test('deletes the contact after confirming', async () => {
    await page.goto(`${app.url}${CONTACTS_URL}/${documentId}`);
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Delete this contact?').waitFor();
    await page.waitForTimeout(400); // let the dialog's fade-in finish for the screenshot
    await shot(page, 'delete-confirm');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expectNotification('Contact deleted');
    await page.waitForURL(`**${CONTACTS_URL}**`);
    await waitForCount(page.getByTestId('contact-row'), 1);
    await shot(page, 'deleted');

    const res = await api.request('GET', `/contacts/contacts/${documentId}`);
    expect(res.status).toBe(404);
  });

  test('paginates, and the page size selector changes the page size', async () => {
    for (let i = 1; i <= 30; i += 1) {
      await api.createContact({ email: `bulk${String(i).padStart(2, '0')}@example.com`, company: 'Bulk Ltd' });
    }
    await page.goto(`${app.url}${CONTACTS_URL}`);
    await page.getByText('31 contacts').waitFor();
    await waitForCount(page.getByTestId('contact-row'), 25);
    await page.getByRole('link', { name: 'Go to next page' }).click();
    await page.waitForURL(/[?&]page=2/);
    await waitForCount(page.getByTestId('contact-row'), 6);
    await page.getByRole('combobox', { name: 'Entries per page' }).click();
    await page.getByRole('option', { name: '10', exact: true }).click();
    await page.waitForURL(/[?&]pageSize=10/);
    await waitForCount(page.getByTestId('contact-row'), 10);
    expect(page.url()).toMatch(/[?&]page=1(&|$)/);
    // The admin scrolls inside its own container: bring the pagination footer into the screenshot.
    await page.getByRole('combobox', { name: 'Entries per page' }).scrollIntoViewIfNeeded();
    await shot(page, 'paginated');
  });

  test('speaks French when the admin language is French', async () => {
    await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'fr'));
    try {
      await page.goto(`${app.url}${CONTACTS_URL}`);
      await page.getByRole('link', { name: 'Créer un contact' }).waitFor();
      await page.getByText('31 contacts').waitFor();
      await page.locator('thead th').filter({ hasText: 'Société' }).waitFor();
      await shot(page, 'list-fr');
      await waitForText(page.getByTestId('contact-row').first(), 'E-mail\u00a0: Inconnu');
      await page.getByTestId('contact-row').first().click();
      await page.getByText('Consentement et délivrabilité').waitFor();
      await page.getByRole('button', { name: 'Enregistrer' }).waitFor();
      // Built-in fields by their French name, values too.
      for (const label of ['Prénom', 'Nom', 'Société', 'Pays', 'Consentement e-mail', 'Statut du mobile']) {
        await page.getByText(label, { exact: true }).first().waitFor();
      }
      expect(await page.getByRole('combobox', { name: 'Consentement e-mail' }).textContent()).toContain('Inconnu');
      expect(await page.getByRole('combobox', { name: "Statut de l'e-mail" }).textContent()).toContain('Inconnu');
      await page.getByRole('heading', { name: 'Historique' }).waitFor();
      await shot(page, 'edit-fr');
    } finally {
      await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
    }
  });

  test('a role without contacts.create sees no Create button nor Delete', async () => {
    const grace = await api.createContact({
      email: 'grace@example.com',
      firstName: 'Grace',
      lastName: 'Hopper',
      attributes: { city: 'Arlington' },
    });
    const reader = await api.createUserWithActions([PERMISSIONS.contacts.read], 'Reader1234!');
    const readerPage = await newPage(browser);
    try {
      await loginAs(readerPage, app.url, reader.email, reader.password);
      await readerPage.goto(`${app.url}${CONTACTS_URL}`);
      await readerPage.getByTestId('contact-row').first().waitFor();
      expect(await readerPage.getByRole('link', { name: 'Create new contact' }).count()).toBe(0);
      expect(await readerPage.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
      await shot(readerPage, 'reader-list');

      await readerPage.getByRole('searchbox', { name: 'Search contacts' }).fill('grace');
      await waitForCount(readerPage.getByTestId('contact-row'), 1);
      await readerPage.getByTestId('contact-row').first().click();
      await readerPage.waitForURL(`**/contacts/contacts/${grace.documentId}`);
      await readerPage.getByText('Your role can view this contact but not change it.').waitFor();
      // The role may not read field definitions: the stored value still shows, read-only.
      expect(await readerPage.getByLabel('city').inputValue()).toBe('Arlington');
      expect(await readerPage.getByLabel('city').isDisabled()).toBe(true);
      expect(await readerPage.getByRole('button', { name: 'Save' }).count()).toBe(0);
      expect(await readerPage.getByLabel('E-mail', { exact: true }).isDisabled()).toBe(true);
      await shot(readerPage, 'reader-detail');

      await readerPage.goto(`${app.url}${CONTACTS_URL}/new`);
      await readerPage.getByText(/don't have the permissions/i).waitFor();
    } finally {
      await readerPage.context().close();
    }
  });
});
