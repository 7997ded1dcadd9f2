import { PERMISSIONS as P } from '../../../server/src/constants';
import { errorsCsv, paste, waitFor } from '../helpers/imports';
import { auth, createAdminUser, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Strapi's "is creator" condition on the plugin's actions: a second admin
 * with the same actions under that condition sees and touches only what they
 * created, on every import and contact route.
 */
let app: TestApp;
let mine: { token: string; id: number };
let theirs: string;

const IS_CREATOR = ['admin::is-creator'];
const conditioned = (actions: string[]) => actions.map((action) => ({ action, conditions: IS_CREATOR }));

beforeAll(async () => {
  app = await startStrapi();
  mine = await createAdminUser(app, conditioned([P.imports.read, P.imports.create, P.imports.manage, P.contacts.read, P.contacts.create, P.contacts.manage]));
  theirs = app.adminToken;
});
afterAll(async () => {
  await app?.stop();
});

const as = (token: string) => ({
  get: (path: string) => app.http().get(path).set(auth(token)),
  post: (path: string, body?: object) => app.http().post(path).set(auth(token)).send(body ?? {}),
  put: (path: string, body: object) => app.http().put(path).set(auth(token)).send(body),
  del: (path: string) => app.http().delete(path).set(auth(token)),
});

describe('RBAC conditions on imports', () => {
  let otherId: string;
  let ownId: string;

  beforeAll(async () => {
    const other = await paste(app, 'email,firstName\nsecret@x.io,Secret\nbroken@,Bad\n');
    otherId = other.body.data.documentId;
    await as(theirs).post(`/contacts/imports/${otherId}/start`);
    await waitFor(app, otherId);
    const own = await as(mine.token).post('/contacts/imports', { text: 'email\nown@x.io\n' });
    expect(own.status).toBe(201);
    ownId = own.body.data.documentId;
  });

  it('lists only the imports the caller created', async () => {
    const list = await as(mine.token).get('/contacts/imports');
    expect(list.status).toBe(200);
    expect(list.body.data.map((i: any) => i.documentId)).toEqual([ownId]);
    expect(list.body.meta.pagination.total).toBe(1);
    const all = await as(theirs).get('/contacts/imports');
    expect(all.body.meta.pagination.total).toBe(2);
  });

  it.each([
    ['get', '/contacts/imports/%s'],
    ['get', '/contacts/imports/%s/errors'],
    ['get', '/contacts/imports/%s/preview'],
    ['put', '/contacts/imports/%s'],
    ['post', '/contacts/imports/%s/start'],
    ['post', '/contacts/imports/%s/resume'],
    ['post', '/contacts/imports/%s/stop'],
    ['del', '/contacts/imports/%s'],
  ] as const)("%s %s of another admin's import → 403", async (method, path) => {
    const url = path.replace('%s', otherId);
    const res = method === 'put' ? await as(mine.token).put(url, { name: 'x' }) : await (as(mine.token) as any)[method](url);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/condition of your role/);
  });

  it('still answers 404 for an import that does not exist', async () => {
    expect((await as(mine.token).get('/contacts/imports/nope')).status).toBe(404);
  });

  it('works on the caller’s own import, and the errors file of the other stays closed', async () => {
    expect((await as(mine.token).get(`/contacts/imports/${ownId}`)).status).toBe(200);
    expect((await as(mine.token).put(`/contacts/imports/${ownId}`, { name: 'Mine' })).body.data.name).toBe('Mine');
    expect((await as(mine.token).post(`/contacts/imports/${ownId}/start`)).status).toBe(202);
    const done = await waitFor(app, ownId);
    expect(done.status).toBe('imported');
    const csv = await errorsCsv(app, otherId);
    expect(csv.text).toContain('broken@');
  });
});

describe('RBAC conditions on contacts', () => {
  it('reads, updates and deletes only the contacts the caller created', async () => {
    const theirsContact = await as(theirs).post('/contacts/contacts', { email: 'their@x.io' });
    const mineContact = await as(mine.token).post('/contacts/contacts', { email: 'mine@x.io' });
    expect(mineContact.status).toBe(201);
    const list = await as(mine.token).get('/contacts/contacts?pageSize=100');
    // own@x.io came from the caller's own import: an import names no creator on its contacts
    // unless importSetsAuthor, so "is creator" does not cover them (the import itself stays theirs).
    expect(list.body.data.map((c: any) => c.email).sort()).toEqual(['mine@x.io']);
    expect(list.body.meta.pagination.total).toBe(1);
    const id = theirsContact.body.data.documentId;
    expect((await as(mine.token).get(`/contacts/contacts/${id}`)).status).toBe(403);
    expect((await as(mine.token).put(`/contacts/contacts/${id}`, { firstName: 'X' })).status).toBe(403);
    expect((await as(mine.token).del(`/contacts/contacts/${id}`)).status).toBe(403);
    expect((await as(mine.token).put(`/contacts/contacts/${mineContact.body.data.documentId}`, { firstName: 'Me' })).body.data.firstName).toBe('Me');
  });
});
