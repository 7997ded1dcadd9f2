import { PERMISSIONS as P } from '../../../server/src/constants';
import { auth, createAdminWithActions, startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

type Method = 'get' | 'post' | 'put' | 'delete';
const call = (method: Method, path: string, token?: string, body?: object) => {
  const req = app.http()[method](path);
  if (token) req.set(auth(token));
  return body ? req.send(body) : req;
};

describe('admin routes: authentication', () => {
  it.each<[Method, string]>([
    ['get', '/contacts/contacts'],
    ['post', '/contacts/contacts'],
    ['get', '/contacts/contacts/someid'],
    ['put', '/contacts/contacts/someid'],
    ['delete', '/contacts/contacts/someid'],
    ['get', '/contacts/fields'],
    ['post', '/contacts/fields'],
    ['put', '/contacts/fields/someid'],
    ['delete', '/contacts/fields/someid'],
    ['get', '/contacts/imports'],
  ])('%s %s without a token → 401 JSON error', async (method, path) => {
    const res = await call(method, path, undefined, method === 'post' || method === 'put' ? { email: 'x@y.co' } : undefined);
    expect(res.status).toBe(401);
    expect(res.body.error.status).toBe(401);
  });

  it('rejects a forged token with 401', async () => {
    const res = await call('get', '/contacts/contacts', 'not-a-jwt');
    expect(res.status).toBe(401);
  });
});

describe('admin routes: RBAC', () => {
  let readOnly: string;
  let fieldsOnly: string;
  let editor: string;
  beforeAll(async () => {
    readOnly = await createAdminWithActions(app, [P.contacts.read]);
    fieldsOnly = await createAdminWithActions(app, [P.fields.read, P.fields.create, P.fields.manage]);
    editor = await createAdminWithActions(app, [P.contacts.read, P.contacts.create, P.contacts.manage]);
  });

  it('contacts.read alone: can list and read, cannot create, update or delete', async () => {
    const created = await call('post', '/contacts/contacts', app.adminToken, { email: 'rbac@example.com' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;

    expect((await call('get', '/contacts/contacts', readOnly)).status).toBe(200);
    expect((await call('get', `/contacts/contacts/${id}`, readOnly)).status).toBe(200);
    expect((await call('post', '/contacts/contacts', readOnly, { email: 'no@example.com' })).status).toBe(403);
    expect((await call('put', `/contacts/contacts/${id}`, readOnly, { firstName: 'X' })).status).toBe(403);
    expect((await call('delete', `/contacts/contacts/${id}`, readOnly)).status).toBe(403);
    // The contact form needs the field list; changing fields is a separate capability.
    expect((await call('get', '/contacts/fields', readOnly)).status).toBe(200);
    expect((await call('get', '/contacts/fields/someid', readOnly)).status).toBe(403);
    expect((await call('post', '/contacts/fields', readOnly, { key: 'nope', label: 'Nope', type: 'text' })).status).toBe(403);
  });

  it('contacts create/manage: full contact lifecycle, still no fields access', async () => {
    const created = await call('post', '/contacts/contacts', editor, { email: 'editor@example.com' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect((await call('put', `/contacts/contacts/${id}`, editor, { firstName: 'Ed' })).body.data.firstName).toBe('Ed');
    expect((await call('delete', `/contacts/contacts/${id}`, editor)).status).toBe(200);
    expect((await call('post', '/contacts/fields', editor, { key: 'nope', label: 'Nope', type: 'text' })).status).toBe(403);
  });

  it('fields actions: can manage fields but not read contacts', async () => {
    expect((await call('get', '/contacts/fields', fieldsOnly)).status).toBe(200);
    const created = await call('post', '/contacts/fields', fieldsOnly, { key: 'rbacField', label: 'RBAC', type: 'text' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect((await call('put', `/contacts/fields/${id}`, fieldsOnly, { label: 'Renamed' })).status).toBe(200);
    expect((await call('delete', `/contacts/fields/${id}`, fieldsOnly)).status).toBe(200);
    expect((await call('get', '/contacts/contacts', fieldsOnly)).status).toBe(403);
  });

  it('fields.read alone cannot create, update or delete a field', async () => {
    const token = await createAdminWithActions(app, [P.fields.read]);
    const created = await call('post', '/contacts/fields', app.adminToken, { key: 'guarded', label: 'Guarded', type: 'text' });
    const id = created.body.data.documentId;
    expect((await call('get', `/contacts/fields/${id}`, token)).status).toBe(200);
    expect((await call('post', '/contacts/fields', token, { key: 'other', label: 'Other', type: 'text' })).status).toBe(403);
    expect((await call('put', `/contacts/fields/${id}`, token, { label: 'x' })).status).toBe(403);
    expect((await call('delete', `/contacts/fields/${id}`, token)).status).toBe(403);
  });

  it('a role with no plugin action gets 403 everywhere', async () => {
    const token = await createAdminWithActions(app, []);
    for (const path of ['/contacts/contacts', '/contacts/fields', '/contacts/imports']) {
      expect((await call('get', path, token)).status).toBe(403);
    }
  });
});
