import { auth, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The public REST API under /api/contacts. Dialect suite: the filter and
 * pagination guards must hold on SQLite, Postgres and MySQL (subscribe has its own suite).
 */
let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const token = () => auth(app.apiToken);
const customToken = async (permissions: string[]) =>
  (
    await app.strapi
      .service('admin::api-token')
      .create({ name: `custom-${Math.random()}`, type: 'custom', lifespan: null, description: '', permissions })
  ).accessKey as string;
const countContacts = async () => Number((await app.strapi.db.connection('contacts_contacts').count({ n: '*' }))[0].n);
const contactByEmail = (email: string) => app.strapi.db.query('plugin::contacts.contact').findOne({ where: { email } });

const expect400 = (res: { status: number; body: any }, message: RegExp) => {
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(message);
};

describe('content API access', () => {
  it('is closed without a token and answers 401 to a bad token', async () => {
    for (const send of [
      () => app.http().get('/api/contacts/contacts'),
      () => app.http().post('/api/contacts/contacts').send({ data: { email: 'anon@example.com' } }),
      () => app.http().post('/api/contacts/subscribe').send({ email: 'anon@example.com' }),
    ]) {
      const res = await send();
      expect([401, 403]).toContain(res.status);
    }
    expect((await app.http().get('/api/contacts/contacts').set(auth('wrong-token'))).status).toBe(401);
    expect(await countContacts()).toBe(0);
  });

  it('is open with the API token; a custom token only gets its scopes', async () => {
    const list = await app.http().get('/api/contacts/contacts').set(token());
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ data: [], meta: { pagination: { page: 1, pageSize: 25, pageCount: 0, total: 0 } } });

    const findOnly = await customToken(['plugin::contacts.contact.find']);
    expect((await app.http().get('/api/contacts/contacts').set(auth(findOnly))).status).toBe(200);
    expect((await app.http().post('/api/contacts/contacts').set(auth(findOnly)).send({ data: { email: 'x@example.com' } })).status).toBe(403);
    expect((await app.http().post('/api/contacts/subscribe').set(auth(findOnly)).send({ email: 'x@example.com' })).status).toBe(403);
  });

  it('exposes no route nor token permission for the internal types', async () => {
    for (const path of ['fields', 'imports', 'import-errors', 'exports']) {
      expect((await app.http().get(`/api/contacts/${path}`).set(token())).status).toBe(404);
    }
    const actions: string[] = app.strapi.contentAPI.permissions.providers.action.keys();
    const ours = actions.filter((a) => a.startsWith('plugin::contacts.'));
    expect(ours).toEqual(expect.arrayContaining(['plugin::contacts.contact.find', 'plugin::contacts.contact.subscribe']));
    expect(ours.filter((a) => /\.(field|import|import-error|export)\./.test(a))).toEqual([]);
    await expect(customToken(['plugin::contacts.field.find'])).rejects.toThrow(/Unknown permissions/);
  });
});

describe('content API contacts CRUD', () => {
  beforeAll(async () => {
    const res = await app.http().post('/contacts/fields').set(auth(app.adminToken)).send({ key: 'age', label: 'Age', type: 'integer' });
    expect(res.status).toBe(201);
  });

  it('creates ({ data } or bare body), reads, updates and deletes with the same validation as the admin', async () => {
    const created = await app.http().post('/api/contacts/contacts').set(token()).send({ data: { email: ' Api@Example.com', mobile: '0612345678', attributes: { age: '30' } } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ email: 'api@example.com', mobile: '+33612345678', attributes: { age: 30 } });
    const id = created.body.data.documentId;

    const bare = await app.http().post('/api/contacts/contacts').set(token()).send({ email: 'bare@example.com' });
    expect(bare.status).toBe(201);

    expect((await app.http().get(`/api/contacts/contacts/${id}`).set(token())).body.data.email).toBe('api@example.com');
    const upd = await app.http().put(`/api/contacts/contacts/${id}`).set(token()).send({ data: { lastName: 'Api', attributes: { age: 31 } } });
    expect(upd.status).toBe(200);
    expect(upd.body.data).toMatchObject({ lastName: 'Api', attributes: { age: 31 } });

    expect400(await app.http().post('/api/contacts/contacts').set(token()).send({ data: { email: 'broken' } }), /not a valid e-mail address/);
    expect400(await app.http().post('/api/contacts/contacts').set(token()).send({ data: { email: 'API@example.com ' } }), /already exists/);
    expect400(await app.http().put(`/api/contacts/contacts/${id}`).set(token()).send({ data: { attributes: { age: 'old' } } }), /Age: "old" is not a number/);
    expect400(await app.http().put(`/api/contacts/contacts/${id}`).set(token()).send({ data: { id: 5 } }), /unknown contact property: id/);
    expect400(await app.http().post('/api/contacts/contacts').set(token()).send({ data: [1] }), /request body must be a JSON object/);

    expect((await app.http().delete(`/api/contacts/contacts/${id}`).set(token())).status).toBe(204);
    expect((await app.http().get(`/api/contacts/contacts/${id}`).set(token())).status).toBe(404);
    expect((await app.http().delete(`/api/contacts/contacts/${id}`).set(token())).status).toBe(404);
  });

  it('lists with Strapi query syntax: filters, sort, pagination, fields', async () => {
    for (const email of ['l1@example.com', 'l2@example.com', 'l3@example.com']) {
      await app.http().post('/api/contacts/contacts').set(token()).send({ data: { email, company: 'ListCo' } });
    }
    const res = await app
      .http()
      .get('/api/contacts/contacts')
      .query('filters[company][$eq]=ListCo&sort=email:desc&pagination[page]=1&pagination[pageSize]=2&fields[0]=email')
      .set(token());
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: any) => c.email)).toEqual(['l3@example.com', 'l2@example.com']);
    expect(res.body.data[0]).not.toHaveProperty('company');
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    const offset = await app.http().get('/api/contacts/contacts').query('filters[company][$eq]=ListCo&sort=email:asc&pagination[start]=2&pagination[limit]=5').set(token());
    expect(offset.body.data.map((c: any) => c.email)).toEqual(['l3@example.com']);
    expect(offset.body.meta.pagination).toEqual({ start: 2, limit: 5, total: 3 });
  });

  it.each([
    ['sort=nope:asc', /Invalid key nope/],
    ['sort=email:sideways', /order can only be one of asc/],
    ['pagination[page]=abc', /pagination.page must be a whole number/],
    ['pagination[pageSize]=1000', /pagination.pageSize must be at most 100/],
    ['pagination[page]=1&pagination[limit]=5', /either pagination\[page\]\/\[pageSize\] or pagination\[start\]\/\[limit\]/],
    ['filters[nope][$eq]=1', /filters.nope: unknown field/],
    ['filters[email][$regex]=x', /unknown operator/],
    ['filters[id][$eq]=abc', /"abc" is not a number/],
    ['filters[id][$between]=1', /\$between takes a list of two values/],
    ['filters[$or]=x', /\$or takes a list of filter objects/],
    ['filters[email][$eq][$eq]=x', /\$eq needs a single value/],
    ['filters[createdAt][$gt]=yesterday', /is not a date/],
    ['filters[attributes][$contains]=x', /JSON fields only support \$null and \$notNull/],
    ['filters[segments][id][$eq]=abc', /filters.segments.id.\$eq: "abc" is not a number/],
    ['populate[segments][filters][criteria][$contains]=x', /populate.segments.filters.criteria/],
  ])('answers 400, never 500, to %s', async (query, message) => {
    expect400(await app.http().get('/api/contacts/contacts').query(query).set(token()), message);
  });

  it('accepts portable filters on JSON columns and relations', async () => {
    const res = await app.http().get('/api/contacts/contacts').query('filters[attributes][$notNull]=true&filters[segments][name][$eq]=none').set(token());
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });
});
