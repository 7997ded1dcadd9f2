import crypto from 'crypto';
import { UID } from '../../../server/src/constants';
import { importFile } from '../helpers/imports';
import { ADMIN, auth, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The Content Manager and the Documents API around the plugin: an editor
 * with only Strapi's generic rights cannot reach contacts, and whatever path
 * writes a contact goes through the plugin's validation.
 */
let app: TestApp;
let editor: string;
const CM = '/content-manager/collection-types/plugin::contacts.contact';

beforeAll(async () => {
  app = await startStrapi();
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  // As on a site installed when the types were still visible: the Editor role holds Content Manager rights on contacts.
  await app.strapi.service('admin::role').addPermissions(role.id, [
    ...['create', 'read', 'update', 'delete'].map((verb) => ({
      action: `plugin::content-manager.explorer.${verb}`,
      subject: UID.contact,
      properties: verb === 'delete' ? {} : { fields: ['email', 'mobile', 'tags', 'firstName'] },
      conditions: [],
    })),
  ]);
  const email = `editor-${crypto.randomBytes(3).toString('hex')}@contacts.test`;
  await app.strapi.service('admin::user').create({ email, password: ADMIN.password, firstname: 'Ed', isActive: true, registrationToken: null, roles: [role.id] });
  editor = (await app.http().post('/admin/login').send({ email, password: ADMIN.password })).body.data.token;
});
afterAll(async () => {
  await app?.stop();
});

describe('Content Manager', () => {
  it('does not list the plugin types', async () => {
    const res = await app.http().get('/content-manager/content-types').set(auth(app.adminToken));
    const ours = res.body.data.filter((ct: any) => ct.uid.startsWith('plugin::contacts.'));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((ct: any) => ct.isDisplayed === false)).toBe(true);
  });

  it.each([
    ['get', CM],
    ['post', CM],
    ['get', `${CM}/someid`],
    ['put', `${CM}/someid`],
    ['delete', `${CM}/someid`],
    ['post', `${CM}/actions/bulkDelete`],
    ['get', '/content-manager/relations/plugin::contacts.contact/segments'],
  ] as const)('%s %s → 403 for an editor, even with Content Manager rights on the type', async (method, path) => {
    const res = await (app.http() as any)[method](path).set(auth(editor)).send(method === 'get' ? undefined : { email: 'cm@x.io', mobile: 'garbage' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Contacts pages|contentManager/);
  });

  it('stays closed for a super admin too while contentManager is off, and internal types never open', async () => {
    const res = await app.http().post(CM).set(auth(app.adminToken)).send({ email: 'cm@x.io' });
    expect(res.status).toBe(403);
    for (const type of ['import', 'import-error', 'field', 'export']) {
      const internal = await app.http().get(`/content-manager/collection-types/plugin::contacts.${type}`).set(auth(app.adminToken));
      expect(internal.status).toBe(403);
    }
    expect((await app.http().get('/content-manager/collection-types/plugin::contacts.import').set(auth(editor))).status).toBe(403);
  });
});

describe('Documents API writes', () => {
  const docs = () => app.strapi.documents(UID.contact as any);

  it.each([
    [{ email: 'bad-mobile@x.io', mobile: 'garbage' }, /mobile/],
    [{ email: 'bad-tags@x.io', tags: { a: 1 } }, /tags/],
    [{ email: 'not-an-email' }, /e-mail/],
    [{ email: 'bad-optin@x.io', emailOptIn: 'maybe' }, /emailOptIn/],
    [{ email: 'bad-attr@x.io', attributes: { nope: 1 } }, /unknown field/],
    [{ email: 'bad-name@x.io', firstName: { a: 1 } }, /firstName/],
  ])('refuses %j', async (data, message) => {
    await expect(docs().create({ data } as any)).rejects.toThrow(message);
  });

  it('normalizes what it accepts, on create and on update', async () => {
    const created: any = await docs().create({ data: { email: '  Doc@X.IO ', mobile: '06 12 34 56 78', tags: [' a ', 'a', 'b'] } } as any);
    expect(created.email).toBe('doc@x.io');
    expect(created.mobile).toBe('+33612345678');
    expect(created.tags).toEqual(['a', 'b']);
    await expect(docs().update({ documentId: created.documentId, data: { mobile: 'still garbage' } } as any)).rejects.toThrow(/mobile/);
    const updated: any = await docs().update({ documentId: created.documentId, data: { firstName: ' Doc ' } } as any);
    expect(updated.firstName).toBe('Doc');
    expect(updated.mobile).toBe('+33612345678');
  });
});

describe('the import writer defends itself', () => {
  it('reads values written around the plugin as empty, with a warning, and writes the batch', async () => {
    const knex = app.strapi.db.connection;
    const now = app.strapi.db.dialect.client === 'sqlite' ? Date.now() : new Date();
    await knex('contacts_contacts').insert({
      document_id: 'damaged00000000000000000',
      email: 'damaged@x.io',
      mobile: 'garbage',
      email_opt_in: 'maybe',
      tags: JSON.stringify({ a: 1 }),
      attributes: JSON.stringify([1, 2]),
      created_at: now,
      updated_at: now,
      published_at: now,
    });
    const rows = ['email,firstName,tags', 'damaged@x.io,Fixed,new', ...Array.from({ length: 50 }, (_, i) => `ok${i}@x.io,Ok,t`)];
    const done = await importFile(app, rows.join('\n'));
    expect(done.status).toBe('imported');
    expect(done.counters).toMatchObject({ processed: 51, created: 50, updated: 1, failed: 0, warnings: 1 });
    const row = await knex('contacts_contacts').where({ email: 'damaged@x.io' }).first();
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(row.first_name).toBe('Fixed');
    expect(row.mobile).toBeNull();
    expect(parse(row.tags)).toEqual(['new']);
    expect(parse(row.attributes)).toEqual({});
    const detail = (await app.http().get(`/contacts/imports/${done.documentId}`).set(auth(app.adminToken))).body.data;
    expect(detail.firstErrors[0]).toMatchObject({ line: 2, level: 'warning' });
    expect(detail.firstErrors[0].reason).toMatch(/stored_value/);
  });
});
