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
    await expect(
      knex('contacts_contacts').insert({ document_id: 'dbleveltest000000000002', email: 'unique@example.com' })
    ).rejects.toThrow();
  });
});
