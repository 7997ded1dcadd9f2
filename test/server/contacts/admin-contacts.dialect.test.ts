import { PERMISSIONS } from '../../../server/src/constants';
import { auth, createAdminWithActions, startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

describe('admin contacts API', () => {
  it('answers 401 without a token', async () => {
    const res = await app.http().get('/contacts/contacts');
    expect(res.status).toBe(401);
  });

  it('answers 403 to a role without the read action', async () => {
    const token = await createAdminWithActions(app, [PERMISSIONS.fields.read]);
    const res = await app.http().get('/contacts/contacts').set(auth(token));
    expect(res.status).toBe(403);
  });

  it('keeps one contact for e-mails differing only in case and whitespace', async () => {
    const first = await app.http().post('/contacts/contacts').set(auth(app.adminToken)).send({ email: '  Jane.Doe@Example.COM ' });
    expect(first.status).toBe(201);
    expect(first.body.data.email).toBe('jane.doe@example.com');
    const second = await app.http().post('/contacts/contacts').set(auth(app.adminToken)).send({ email: 'jane.doe@example.com' });
    expect(second.status).toBe(400);
    expect(second.body.error.message).toMatch(/already exists/);
    const list = await app.http().get('/contacts/contacts').query({ q: 'jane' }).set(auth(app.adminToken));
    expect(list.body.meta.pagination.total).toBe(1);
  });

  it('refuses a second row with the same normalized e-mail at the database level', async () => {
    const knex = app.strapi.db.connection;
    await knex('contacts_contacts').insert({ document_id: 'dbleveltest000000000001', email: 'unique@example.com' });
    // Not `.rejects.toThrow()`: better-sqlite3's error is not an Error of this suite's realm once a
    // worker has run an earlier suite (native module loaded once per process), so toThrow misses it.
    const error = await knex('contacts_contacts')
      .insert({ document_id: 'dbleveltest000000000002', email: 'unique@example.com' })
      .then(() => null, (e: unknown) => e as { message?: string });
    expect(String(error?.message)).toMatch(/unique|duplicate/i);
  });
});

describe('admin contacts search on every database', () => {
  beforeAll(async () => {
    for (const [email, company] of [
      ['ümlaut@example.com', 'Zürich AG'],
      ['plain@example.com', 'Plain Inc'],
    ]) {
      const res = await app.http().post('/contacts/contacts').set(auth(app.adminToken)).send({ email, company });
      expect(res.status).toBe(201);
    }
  });

  it('searches case-insensitively and filters by id and date', async () => {
    const byCompany = await app.http().get('/contacts/contacts').query({ q: 'PLAIN' }).set(auth(app.adminToken));
    expect(byCompany.body.data.map((c: any) => c.email)).toEqual(['plain@example.com']);
    const id = byCompany.body.data[0].id;
    const byId = await app.http().get('/contacts/contacts').query(`filters[id][$eq]=${id}&filters[createdAt][$gt]=2020-01-01`).set(auth(app.adminToken));
    expect(byId.body.data.map((c: any) => c.email)).toEqual(['plain@example.com']);
  });

  it.each([
    ['filters[id][$eq]=abc', /"abc" is not a number/],
    ['filters[id][$in][0]=1&filters[id][$in][1]=x', /"x" is not a number/],
    ['filters[attributes][$eq]=1', /JSON fields only support/],
    ['filters[tags][$containsi]=vip', /JSON fields only support/],
    ['filters[updatedAt][$lt]=2020-13-45', /is not a date/],
    ['filters[segments][id][$eq]=abc', /is not a number/],
    ['filters[createdBy][id][$eq]=1', /filters.createdBy: unknown field/],
  ])('answers 400, never 500, to %s', async (query, message) => {
    const res = await app.http().get('/contacts/contacts').query(query).set(auth(app.adminToken));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});

describe('admin contacts list at depth', () => {
  beforeAll(async () => {
    const knex = app.strapi.db.connection;
    const sqlite = app.strapi.db.dialect.client === 'sqlite';
    const rows = Array.from({ length: 130 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 1000);
      const ts = sqlite ? at.getTime() : at;
      return { document_id: `depth${String(i).padStart(19, '0')}`, email: `depth${i}@example.com`, created_at: ts, updated_at: ts, published_at: ts };
    });
    await knex.batchInsert('contacts_contacts', rows, 50);
    // Rows written around the plugin get their search text from the backfill (boot, imports, housekeeping).
    expect(await app.strapi.plugin('contacts').service('contacts').backfillFolded()).toBeGreaterThanOrEqual(130);
  });

  it('walks the whole base with keyset pages (after=<id>), each row once', async () => {
    const seen: string[] = [];
    let after = 0;
    for (let pages = 0; pages < 50; pages++) {
      const res = await app.http().get('/contacts/contacts').query({ after, pageSize: 40, q: 'depth' }).set(auth(app.adminToken));
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((c: any) => c.email));
      const ids = res.body.data.map((c: any) => c.id);
      expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
      if (res.body.meta.pagination.next === null) break;
      after = res.body.meta.pagination.next;
    }
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
  });

  it('orders pages by last update, newest first, with the total', async () => {
    const res = await app.http().get('/contacts/contacts').query({ q: 'depth', page: 2, pageSize: 50 }).set(auth(app.adminToken));
    expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 50, pageCount: 3, total: 130 });
    expect(res.body.data[0].email).toBe('depth79@example.com');
  });

  it('refuses after combined with page or sort, and a bad after', async () => {
    for (const query of [{ after: 1, page: 2 }, { after: 1, sort: 'email:asc' }, { after: -1 }, { after: 'x' }]) {
      const res = await app.http().get('/contacts/contacts').query(query).set(auth(app.adminToken));
      expect(res.status).toBe(400);
    }
  });

  it('content API: pagination[after] walks the base too', async () => {
    const res = await app.http().get('/api/contacts/contacts').query({ 'pagination[after]': 0, 'pagination[pageSize]': 100, 'filters[email][$startsWith]': 'depth' }).set(auth(app.apiToken));
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(100);
    const next = res.body.meta.pagination.next;
    const rest = await app.http().get('/api/contacts/contacts').query({ 'pagination[after]': next, 'pagination[pageSize]': 100, 'filters[email][$startsWith]': 'depth' }).set(auth(app.apiToken));
    expect(rest.body.data).toHaveLength(30);
    expect(rest.body.meta.pagination.next).toBeNull();
  });
});
