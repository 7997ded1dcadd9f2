import { auth, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Deleting a field in use rewrites `attributes` on every contact with
 * dialect-specific JSON SQL (json_remove / jsonb - key / JSON_REMOVE).
 */
let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const admin = () => auth(app.adminToken);
const createField = (body: object) => app.http().post('/contacts/fields').set(admin()).send(body);
const createContact = (body: object) => app.http().post('/contacts/contacts').set(admin()).send(body);
const attributesByEmail = async () => {
  const res = await app.http().get('/contacts/contacts').query({ pageSize: 200 }).set(admin());
  return Object.fromEntries(res.body.data.map((c: any) => [c.email, c.attributes]));
};

describe('deleting a custom field in use', () => {
  let scoreId: string;
  beforeAll(async () => {
    scoreId = (await createField({ key: 'score', label: 'Score', type: 'integer' })).body.data.documentId;
    await createField({ key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] });
    await createField({ key: 'score_2', label: 'Score 2', type: 'integer' });
    for (const [email, attributes] of [
      ['a@example.com', { score: 5, plan: 'pro' }],
      ['b@example.com', { score: 0 }],
      ['c@example.com', { plan: 'free', score_2: 9 }],
      ['d@example.com', {}],
    ] as const) {
      expect((await createContact({ email, attributes })).status).toBe(201);
    }
    expect((await createContact({ email: 'e@example.com' })).status).toBe(201);
  });

  it('reports how many contacts hold a value, on the field and in the refusal', async () => {
    const one = await app.http().get(`/contacts/fields/${scoreId}`).set(admin());
    expect(one.body.data.usage).toBe(2);
    const res = await app.http().delete(`/contacts/fields/${scoreId}`).set(admin());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^2 contact\(s\) hold a value for "Score"; repeat with \?confirm=true/);
    expect(res.body.error.details).toMatchObject({ usage: 2, confirmRequired: true });
    // Nothing changed.
    expect((await attributesByEmail())['a@example.com']).toEqual({ score: 5, plan: 'pro' });
  });

  it('with ?confirm=true removes the field and its key from every contact, leaving other keys', async () => {
    const res = await app.http().delete(`/contacts/fields/${scoreId}?confirm=true`).set(admin());
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ usage: 2 });
    expect((await app.http().get(`/contacts/fields/${scoreId}`).set(admin())).status).toBe(404);

    const attrs = await attributesByEmail();
    expect(attrs['a@example.com']).toEqual({ plan: 'pro' });
    expect(attrs['b@example.com']).toEqual({});
    // A key sharing the prefix is untouched.
    expect(attrs['c@example.com']).toEqual({ plan: 'free', score_2: 9 });
    expect(attrs['d@example.com']).toEqual({});
    expect(attrs['e@example.com'] ?? null).toBeNull();

    // The key is free again and a new field under it starts with no usage.
    const again = await createField({ key: 'score', label: 'Score', type: 'text' });
    expect(again.status).toBe(201);
    const reread = await app.http().get(`/contacts/fields/${again.body.data.documentId}`).set(admin());
    expect(reread.body.data.usage).toBe(0);
  });

  it('counts a value set through an update, and not a value cleared with null', async () => {
    const f = await createField({ key: 'city', label: 'City', type: 'text' });
    const id = f.body.data.documentId;
    const c = await createContact({ email: 'city@example.com', attributes: { city: 'Lyon' } });
    expect((await app.http().get(`/contacts/fields/${id}`).set(admin())).body.data.usage).toBe(1);
    await app.http().put(`/contacts/contacts/${c.body.data.documentId}`).set(admin()).send({ attributes: { city: null } });
    expect((await app.http().get(`/contacts/fields/${id}`).set(admin())).body.data.usage).toBe(0);
    expect((await app.http().delete(`/contacts/fields/${id}`).set(admin())).status).toBe(200);
  });
});
