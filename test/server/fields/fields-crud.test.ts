import { auth, startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const api = () => {
  const h = () => auth(app.adminToken);
  return {
    list: () => app.http().get('/contacts/fields').set(h()),
    get: (id: string) => app.http().get(`/contacts/fields/${id}`).set(h()),
    create: (body: unknown) => app.http().post('/contacts/fields').set(h()).send(body as object),
    update: (id: string, body: unknown) => app.http().put(`/contacts/fields/${id}`).set(h()).send(body as object),
    remove: (id: string, confirm = false) => app.http().delete(`/contacts/fields/${id}${confirm ? '?confirm=true' : ''}`).set(h()),
  };
};

const expect400 = (res: { status: number; body: any }, message: RegExp) => {
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
  expect(res.body.error.message).toMatch(message);
};

describe('fields: list and create', () => {
  it('lists the built-in fields first, flagged builtIn', async () => {
    const res = await api().list();
    expect(res.status).toBe(200);
    const keys = res.body.data.map((f: any) => f.key);
    expect(keys.slice(0, 3)).toEqual(['email', 'mobile', 'firstName']);
    expect(res.body.data.find((f: any) => f.key === 'emailOptIn')).toMatchObject({ builtIn: true, type: 'select' });
    expect(res.body.meta.pagination.total).toBe(res.body.data.length);
  });

  it('creates a custom field and reads it back with its usage', async () => {
    const created = await api().create({ key: 'plan', label: '  Plan ', type: 'select', options: ['free', 'pro'] });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'], builtIn: false });
    const one = await api().get(created.body.data.documentId);
    expect(one.body.data).toMatchObject({ key: 'plan', usage: 0 });
  });

  it('answers 400 with readable messages for missing or malformed properties', async () => {
    const empty = await api().create({});
    expect400(empty, /key is required/);
    expect(empty.body.error.message).toMatch(/label is required/);
    expect(empty.body.error.message).toMatch(/type is required/);
    expect400(await api().create({ key: '1abc', label: 'X', type: 'text' }), /key must start with a letter/);
    expect400(await api().create({ key: 'with space', label: 'X', type: 'text' }), /letters, digits and _/);
    expect400(await api().create({ key: 'x'.repeat(64), label: 'X', type: 'text' }), /max 63/);
    expect400(await api().create({ key: 'k', label: 'X', type: 'colour' }), /type must be one of: text, longtext, integer/);
    expect400(await api().create({ key: 'k', label: 'x'.repeat(256), type: 'text' }), /label must be at most 255/);
  });

  it('answers 400, never 500, to wrong JSON types and unknown properties', async () => {
    expect400(await api().create({ key: 5, label: [], type: 'zz', options: 'a' }), /label must be text/);
    expect400(await api().create({ key: 'k1', label: 'L', type: 'select', options: [{}] }), /options|option/);
    expect400(await api().create({ key: 'k2', label: 'L', type: 'text', required: 'yes' }), /required must be true or false/);
    expect400(await api().create({ key: 'k3', label: 'L', type: 'text', position: 1e12 }), /position must be at most/);
    expect400(await api().create({ key: 'k4', label: 'L', type: 'text', colour: 'red' }), /unknown field property: colour/);
    expect400(await api().create([1, 2]), /request body must be a JSON object/);
    const list = await api().list();
    expect(list.body.data.map((f: any) => f.key)).not.toEqual(expect.arrayContaining(['k1', 'k2', 'k3', 'k4']));
  });

  it('refuses a duplicate key and the key of a built-in field', async () => {
    expect((await api().create({ key: 'city', label: 'City', type: 'text' })).status).toBe(201);
    expect400(await api().create({ key: 'city', label: 'Town', type: 'text' }), /key "city" already exists/);
    expect400(await api().create({ key: 'email', label: 'Mail', type: 'email' }), /built-in contact field/);
  });

  it('needs options (or allowUnknownValues) for select and multiselect, on create and on update', async () => {
    expect400(await api().create({ key: 'size', label: 'Size', type: 'select' }), /needs at least one option/);
    expect400(await api().create({ key: 'sizes', label: 'Sizes', type: 'multiselect', options: [] }), /needs at least one option/);
    expect400(await api().create({ key: 'dup', label: 'Dup', type: 'select', options: ['a', 'a'] }), /must not repeat/);
    const open = await api().create({ key: 'source', label: 'Source', type: 'select', allowUnknownValues: true });
    expect(open.status).toBe(201);
    const text = await api().create({ key: 'note', label: 'Note', type: 'text' });
    expect400(await api().update(text.body.data.documentId, { type: 'select' }), /needs at least one option/);
    const ok = await api().update(text.body.data.documentId, { type: 'select', options: ['a', 'b'] });
    expect(ok.status).toBe(200);
    expect(ok.body.data.options).toEqual(['a', 'b']);
  });
});

describe('fields: update and delete rules', () => {
  it('keeps the key immutable', async () => {
    const f = await api().create({ key: 'vip', label: 'VIP', type: 'boolean' });
    const id = f.body.data.documentId;
    expect400(await api().update(id, { key: 'vip2' }), /key of a field cannot change/);
    expect((await api().update(id, { key: 'vip', label: 'Very important' })).body.data).toMatchObject({ key: 'vip', label: 'Very important' });
    expect400(await api().update(id, { label: '' }), /label cannot be empty/);
    expect400(await api().update(id, { foo: 1 }), /unknown field property: foo/);
  });

  it('protects built-in fields: label and position may change, type/options/required and deletion may not', async () => {
    const list = await api().list();
    const optIn = list.body.data.find((f: any) => f.key === 'emailOptIn');
    const email = list.body.data.find((f: any) => f.key === 'email');
    expect((await api().update(email.documentId, { label: 'Mail address' })).body.data.label).toBe('Mail address');
    expect400(await api().update(email.documentId, { type: 'text' }), /built-in field only allows its label and position/);
    expect400(await api().update(optIn.documentId, { options: ['yes'] }), /not options/);
    expect400(await api().update(email.documentId, { required: true }), /not required/);
    expect400(await api().remove(email.documentId), /Built-in fields cannot be deleted/);
    expect(await api().get(email.documentId)).toHaveProperty('status', 200);
  });

  it('refuses a type change while contacts hold values, and deletes an unused field at once', async () => {
    const f = await api().create({ key: 'age', label: 'Age', type: 'integer' });
    const id = f.body.data.documentId;
    const c = await app.http().post('/contacts/contacts').set(auth(app.adminToken)).send({ email: 'age@example.com', attributes: { age: 40 } });
    expect(c.status).toBe(201);
    expect400(await api().update(id, { type: 'text' }), /cannot change while 1 contact\(s\) hold a value/);
    const unused = await api().create({ key: 'unused', label: 'Unused', type: 'text' });
    const del = await api().remove(unused.body.data.documentId);
    expect(del.status).toBe(200);
    expect(del.body.data).toEqual({ usage: 0 });
    expect((await api().get(unused.body.data.documentId)).status).toBe(404);
  });

  it('answers 404 for an unknown field id', async () => {
    expect((await api().get('doesnotexist')).status).toBe(404);
    expect((await api().update('doesnotexist', { label: 'x' })).status).toBe(404);
    expect((await api().remove('doesnotexist')).status).toBe(404);
  });
});
