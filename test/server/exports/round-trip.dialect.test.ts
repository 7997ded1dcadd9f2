import { WRITABLE_FIELDS } from '../../../server/src/constants';
import { CONTACTS, CUSTOM_FIELDS } from '../../fixtures/exports';
import { exportDirEnv, runExport } from '../helpers/exports';
import { upload, waitFor } from '../helpers/imports';
import { auth, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Export → import of the same file, with the import's `fromExport` option,
 * gives back the same contacts: every writable field, the tags and each
 * custom value, injection payloads included, in CSV and in XLSX, whatever
 * the headers (labels in English or French, keys) and the multiselect form.
 */
let app: TestApp;
const admin = () => auth(app.adminToken);
const exportDir = exportDirEnv();

beforeAll(async () => {
  app = await startStrapi({ CONTACTS_QUEUE_TICK_SECONDS: '0.5', CONTACTS_EXPORT_CHUNK_SIZE: '3', ...exportDir.env });
  for (const f of CUSTOM_FIELDS) expect((await app.http().post('/contacts/fields').set(admin()).send(f)).status).toBe(201);
  for (const c of CONTACTS) expect((await app.http().post('/contacts/contacts').set(admin()).send(c)).status).toBe(201);
});
afterAll(async () => {
  await app?.stop();
  exportDir.remove();
});

/** What a contact is, as an import can write it: the writable built-in fields, the tags, the custom values. */
const snapshot = async () => {
  const rows = await app.strapi.db.connection('contacts_contacts').select('*').orderBy('email');
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  const column = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return rows.map((r: any) => ({
    ...Object.fromEntries(WRITABLE_FIELDS.filter((f) => f.key !== 'tags').map((f) => [f.key, r[column(f.key)] ?? null])),
    tags: parse(r.tags) ?? [],
    attributes: parse(r.attributes) ?? {},
  }));
};

const emptyBase = async () => {
  const res = await app.http().post('/contacts/contacts/bulk').set(admin()).send({ action: 'delete', criteria: { match: 'all', conditions: [] } });
  expect(res.status).toBe(200);
  expect(await snapshot()).toEqual([]);
};

const variants = [
  { format: 'csv', headers: 'labels', multiselect: 'joined' },
  { format: 'csv', headers: 'labels', multiselect: 'columns', delimiter: ';', locale: 'fr' },
  { format: 'csv', headers: 'keys', multiselect: 'joined', delimiter: '\t', bom: false },
  { format: 'xlsx', headers: 'keys', multiselect: 'joined' },
  { format: 'xlsx', headers: 'labels', multiselect: 'columns', locale: 'fr' },
];

describe('export → import round trip', () => {
  it.each(variants)('gives back identical contacts (%o)', async ({ locale, ...options }) => {
    const before = await snapshot();
    expect(before).toHaveLength(CONTACTS.length);
    const { file, detail } = await runExport(app, { scope: { all: true }, fields: 'all', ...options }, { locale });
    expect(detail.rowCount).toBe(CONTACTS.length);
    await emptyBase();

    const created = await upload(app, file, `export.${options.format}`, { fromExport: true });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    // Columns no import writes (added on, modified on, activity) are ignored, the others map to their fields.
    const mapping = created.body.data.mapping;
    expect(mapping.filter((m: any) => m.ignore)).toHaveLength(4);
    expect((await app.http().post(`/contacts/imports/${id}/start`).set(admin())).status).toBe(202);
    const done = await waitFor(app, id);
    expect(done.counters).toMatchObject({ processed: CONTACTS.length, created: CONTACTS.length, failed: 0, warnings: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('reads a neutralised cell as it was only with fromExport', async () => {
    const { file } = await runExport(app, { scope: { all: true }, fields: ['email', 'firstName'], headers: 'keys' });
    expect(file.toString('utf8')).toContain(`'=cmd|' /C calc'!A0`);
    await emptyBase();
    const created = await upload(app, file, 'plain.csv');
    const id = created.body.data.documentId;
    await app.http().post(`/contacts/imports/${id}/start`).set(admin());
    await waitFor(app, id);
    const bob: any = (await snapshot()).find((c: any) => c.email === 'bob@example.com');
    expect(bob.firstName).toBe(`'=cmd|' /C calc'!A0`);
  });
});
