import fs from 'fs';
import os from 'os';
import path from 'path';
import { importFile, paste, upload } from '../helpers/imports';
import { auth, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * What an import leaves behind: drafts do not purge finished history, old
 * drafts expire with their files, upload temp files never stay, orphan
 * folders are swept, hostile file names are stored safely.
 */
let app: TestApp;
const uploadTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-upload-tmp-'));
const storage = () => path.join(app.strapi.dirs.app.root, '.tmp', 'contacts-imports');
const knex = () => app.strapi.db.connection;

beforeAll(async () => {
  app = await startStrapi({ CONTACTS_IMPORT_HISTORY_MAX: '2', CONTACTS_UPLOAD_TMP: uploadTmp, CONTACTS_DRAFT_MAX_AGE_HOURS: '1' });
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(uploadTmp, { recursive: true, force: true });
});

const statuses = async () => (await knex()('contacts_imports').select('status').orderBy('id')).map((r: any) => r.status);

it('caps finished imports only: drafts never purge history', async () => {
  for (let i = 0; i < 3; i++) expect((await importFile(app, `email\nh${i}@x.io\n`)).status).toBe('imported');
  for (let i = 0; i < 5; i++) expect((await paste(app, `email\nd${i}@x.io\n`)).status).toBe(201);
  const s = await statuses();
  expect(s.filter((x) => x === 'imported')).toHaveLength(2);
  expect(s.filter((x) => x === 'draft')).toHaveLength(5);
});

it('removes drafts older than draftMaxAgeHours with their folders', async () => {
  const draft = (await paste(app, 'email\nold@x.io\n')).body.data;
  const row = await knex()('contacts_imports').where({ document_id: draft.documentId }).first();
  const folder = JSON.parse(typeof row.file === 'string' ? row.file : JSON.stringify(row.file)).folder;
  expect(fs.existsSync(path.join(storage(), folder))).toBe(true);
  const old = new Date(Date.now() - 2 * 3600_000);
  await knex()('contacts_imports').where({ id: row.id }).update({ updated_at: app.strapi.db.dialect.client === 'sqlite' ? old.getTime() : old });
  await app.strapi.plugin('contacts').service('imports').housekeeping();
  expect(await knex()('contacts_imports').where({ id: row.id }).first()).toBeUndefined();
  expect(fs.existsSync(path.join(storage(), folder))).toBe(false);
});

it('sweeps orphan upload folders, and only ours, only old ones', async () => {
  const orphan = path.join(storage(), 'lz9abcde-zzzzzz');
  const fresh = path.join(storage(), 'lz9abcdf-yyyyyy');
  const foreign = path.join(storage(), 'not-ours');
  for (const dir of [orphan, fresh, foreign]) fs.mkdirSync(dir, { recursive: true });
  const old = new Date(Date.now() - 2 * 3600_000);
  fs.utimesSync(orphan, old, old);
  fs.utimesSync(foreign, old, old);
  await app.strapi.plugin('contacts').service('imports').housekeeping();
  expect(fs.existsSync(orphan)).toBe(false);
  expect(fs.existsSync(fresh)).toBe(true);
  expect(fs.existsSync(foreign)).toBe(true);
});

describe('uploads', () => {
  const leftovers = () => fs.readdirSync(uploadTmp);

  it.each(['..', '.', '../../etc/passwd', '..\\..\\x.csv', '.htaccess', '', 'a/b/../c.csv'])('stores a file named %j safely', async (name) => {
    const res = await app.http().post('/contacts/imports').set(auth(app.adminToken)).attach('file', Buffer.from('email\nname@x.io\n'), { filename: name || 'x', contentType: 'text/csv' });
    expect(res.status).toBe(201);
    const row = await knex()('contacts_imports').where({ document_id: res.body.data.documentId }).first();
    const file = typeof row.file === 'string' ? JSON.parse(row.file) : row.file;
    expect(path.dirname(file.path)).toBe(path.join(storage(), file.folder));
    expect(path.basename(file.path)).not.toMatch(/^\./);
    expect(fs.statSync(file.path).isFile()).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('leaves no temp file on a refused upload (bad options, unreadable file, wrong field)', async () => {
    const badOptions = await app.http().post('/contacts/imports').set(auth(app.adminToken)).field('options', '{nope').attach('file', Buffer.from('email\na@x.io\n'), 'a.csv');
    expect(badOptions.status).toBe(400);
    const pdf = await upload(app, Buffer.from('%PDF-1.4 nothing'), 'x.pdf');
    expect(pdf.status).toBe(400);
    const wrongField = await app.http().post('/contacts/imports').set(auth(app.adminToken)).attach('other', Buffer.from('email\na@x.io\n'), 'a.csv');
    expect(wrongField.status).toBe(400);
    expect(leftovers()).toEqual([]);
  });
});
