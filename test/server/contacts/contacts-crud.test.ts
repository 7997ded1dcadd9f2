import { auth, startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const admin = () => auth(app.adminToken);
const list = (query: Record<string, unknown> | string = {}) => app.http().get('/contacts/contacts').query(query).set(admin());
const create = (body: unknown) => app.http().post('/contacts/contacts').set(admin()).send(body as object);
const update = (id: string, body: unknown) => app.http().put(`/contacts/contacts/${id}`).set(admin()).send(body as object);
const field = (body: object) => app.http().post('/contacts/fields').set(admin()).send(body);

const expect400 = (res: { status: number; body: any }, message: RegExp) => {
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
  expect(res.body.error.message).toMatch(message);
};

describe('contacts: search, pagination, sort, filters', () => {
  beforeAll(async () => {
    const people = [
      ['alice@acme.com', 'Alice', 'Martin', 'Acme', 'yes'],
      ['bob@acme.com', 'Bob', 'Durand', 'Acme', 'no'],
      ['carol@globex.com', 'Carol', 'Petit', 'Globex', 'yes'],
      ['dave@initech.com', 'Dave', 'Moreau', 'Initech', 'blocklist'],
      ['erin@globex.com', 'Erin', 'Roux', 'Globex', 'orange'],
    ];
    for (const [email, firstName, lastName, company, emailOptIn] of people) {
      expect((await create({ email, firstName, lastName, company, emailOptIn })).status).toBe(201);
    }
  });

  it('searches e-mail, names and company case-insensitively', async () => {
    expect((await list({ q: 'GLOBEX' })).body.meta.pagination.total).toBe(2);
    expect((await list({ q: 'moreau' })).body.data.map((c: any) => c.email)).toEqual(['dave@initech.com']);
    expect((await list({ q: 'nobody-here' })).body.data).toEqual([]);
  });

  it('paginates with page/pageSize and reports the totals', async () => {
    const res = await list({ page: 2, pageSize: 2, sort: 'email:asc' });
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 3, total: 5 });
    expect(res.body.data.map((c: any) => c.email)).toEqual(['carol@globex.com', 'dave@initech.com']);
  });

  it('sorts by a whitelisted column in both directions', async () => {
    const asc = await list({ sort: 'firstName:asc' });
    expect(asc.body.data.map((c: any) => c.firstName)).toEqual(['Alice', 'Bob', 'Carol', 'Dave', 'Erin']);
    const desc = await list({ sort: 'lastName:desc' });
    expect(desc.body.data.map((c: any) => c.lastName)).toEqual(['Roux', 'Petit', 'Moreau', 'Martin', 'Durand']);
  });

  it('filters with Strapi filter syntax, combined with the search', async () => {
    const optedOut = await list('filters[emailOptIn][$in][0]=no&filters[emailOptIn][$in][1]=blocklist&sort=email:asc');
    expect(optedOut.body.data.map((c: any) => c.email)).toEqual(['bob@acme.com', 'dave@initech.com']);
    const either = await list('filters[$or][0][company][$eq]=Initech&filters[$or][1][firstName][$startsWith]=Er&sort=email:asc');
    expect(either.body.data.map((c: any) => c.email)).toEqual(['dave@initech.com', 'erin@globex.com']);
    const both = await list('q=acme&filters[firstName][$eq]=Bob');
    expect(both.body.data.map((c: any) => c.email)).toEqual(['bob@acme.com']);
  });

  it('answers 400 to invalid sort, page, pageSize and filters', async () => {
    expect400(await list({ sort: 'password:asc' }), /sort must be one of email, mobile/);
    expect400(await list({ sort: 'email:sideways' }), /followed by :asc or :desc/);
    expect400(await list({ sort: 'email:asc:extra' }), /followed by :asc or :desc/);
    expect400(await list({ page: 'abc' }), /page must be a whole number/);
    expect400(await list({ page: 0 }), /page must be at least 1/);
    expect400(await list({ pageSize: 1000 }), /pageSize must be at most 200/);
    expect400(await list('filters[password][$eq]=x'), /filters.password: unknown field; filterable fields: id, documentId, email/);
    expect400(await list('filters[email][$like]=x'), /filters.email.\$like: unknown operator/);
    expect400(await list('filters=abc'), /filters: must be an object/);
    expect400(await list('q=a&q=b'), /q must be a single text/);
  });
});

describe('contacts: create, update, delete', () => {
  it('normalizes e-mail and mobile (E.164, default country FR) and trims names', async () => {
    const res = await create({ email: '  Zoe.Blanc@Example.COM ', mobile: '06 12 34 56 78', firstName: '  Zoé ' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ email: 'zoe.blanc@example.com', mobile: '+33612345678', firstName: 'Zoé' });
    const intl = await create({ email: 'intl@example.com', mobile: '+1 (415) 555-2671' });
    expect(intl.status).toBe(201);
    expect(intl.body.data.mobile).toBe('+14155552671');
    expect400(await create({ email: 'short@example.com', mobile: '12' }), /mobile: Mobile: "12" is not a valid phone number of France/);
    // The mobile is not the unicity key: a family may share one.
    const shared = await create({ email: 'sibling@example.com', mobile: '0612345678' });
    expect(shared.status).toBe(201);
    expect(shared.body.data.mobile).toBe('+33612345678');
  });

  it('needs the base’s unicity key (the e-mail), and a valid one', async () => {
    expect400(await create({ firstName: 'Nobody' }), /email: a contact needs an e-mail address: it is the base's unicity key/);
    expect400(await create({ mobile: '0611111111' }), /a contact needs an e-mail address/);
    expect400(await create({ email: 'not-an-email' }), /"not-an-email" is not a valid e-mail address/);
    expect400(await create({ email: 'a@b' }), /not a valid e-mail/);
  });

  it('updates partially and deletes', async () => {
    const c = await create({ email: 'up@example.com', firstName: 'Up', company: 'Old' });
    const id = c.body.data.documentId;
    const res = await update(id, { company: 'New', emailOptIn: 'no' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ email: 'up@example.com', firstName: 'Up', company: 'New', emailOptIn: 'no' });
    expect400(await update(id, { email: 'zoe.blanc@example.com' }), /e-mail zoe.blanc@example.com already exists/);
    expect400(await update(id, { email: null }), /a contact needs an e-mail address/);
    expect((await app.http().delete(`/contacts/contacts/${id}`).set(admin())).status).toBe(200);
    expect((await app.http().get(`/contacts/contacts/${id}`).set(admin())).status).toBe(404);
    expect((await update(id, { company: 'x' })).status).toBe(404);
  });

  it('answers 400, never 500, to wrong JSON types, unknown properties and huge values', async () => {
    expect400(await create({ email: 5 }), /email: E-mail: the value must be text/);
    expect400(await create({ email: 'a@example.com', tags: 'vip' }), /tags must be a list of texts/);
    expect400(await create({ email: 'a@example.com', tags: [{ a: 1 }] }), /tags: Tags: the value must be/);
    expect400(await create({ email: 'a@example.com', tags: ['x'.repeat(300)] }), /tags: Tags: .* the limit is 255/);
    expect400(await create({ email: 'a@example.com', attributes: [1] }), /attributes must be an object/);
    expect400(await create({ email: 'a@example.com', emailOptIn: 'maybe' }), /emailOptIn: E-mail opt-in: "maybe" is not a consent value/);
    expect400(await create({ email: 'a@example.com', shoeSize: 42 }), /unknown contact property: shoeSize; custom fields go under "attributes"/);
    expect400(await create({ email: 'a@example.com', firstName: 'x'.repeat(10_000) }), /firstName: First name: .* the limit is 255/);
    expect400(await create({ email: `${'x'.repeat(5000)}@example.com` }), /email: E-mail: .* the limit is 254/);
    expect400(await create([{ email: 'a@example.com' }]), /request body must be a JSON object/);
    const res = await app.http().post('/contacts/contacts').set(admin()).set('Content-Type', 'application/json').send('{"email": ');
    expect(res.status).toBe(400);
    expect((await list({ q: 'a@example.com' })).body.meta.pagination.total).toBe(0);
  });
});

describe('contacts: custom attributes are validated per field type', () => {
  beforeAll(async () => {
    for (const f of [
      { key: 'age', label: 'Age', type: 'integer' },
      { key: 'score', label: 'Score', type: 'decimal' },
      { key: 'vip', label: 'VIP', type: 'boolean' },
      { key: 'birthday', label: 'Birthday', type: 'date' },
      { key: 'lastSeen', label: 'Last seen', type: 'datetime' },
      { key: 'workEmail', label: 'Work e-mail', type: 'email' },
      { key: 'workPhone', label: 'Work phone', type: 'phone' },
      { key: 'site', label: 'Site', type: 'url' },
      { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] },
      { key: 'topics', label: 'Topics', type: 'multiselect', options: ['news', 'sales', 'events'] },
    ]) {
      expect((await field(f)).status).toBe(201);
    }
  });

  it.each([
    ['age', 1.5, /Age: "1.5" is not a whole number/],
    ['age', 'twelve', /Age: "twelve" is not a number/],
    ['score', 'abc', /Score: "abc" is not a number/],
    ['vip', 'maybe', /VIP: "maybe" is not a yes\/no value/],
    ['birthday', '2024-02-30', /Birthday: "2024-02-30" is not a date/],
    ['birthday', '32/12/2024', /Birthday: "32\/12\/2024" is not a date/],
    ['lastSeen', 'yesterday', /Last seen: "yesterday" is not a date and time/],
    ['workEmail', 'nope@', /Work e-mail: "nope@" is not a valid e-mail address/],
    ['workPhone', '123', /Work phone: "123" is not a valid phone number/],
    ['site', 'ftp://example.com', /Site: "ftp:\/\/example.com" is a ftp: address; only http/],
    ['plan', 'gold', /Plan: "gold" is not one of the options \(free, pro\)/],
    ['topics', ['news', 'cooking'], /Topics: "cooking" is not one of the options \(news, sales, events\)/],
    ['nope', 1, /unknown field "nope"; create it under Contacts → Fields first/],
    ['plan', 'x'.repeat(300), /Plan: .* is not one of the options \(free, pro\)/],
    ['site', `https://example.com/${'a'.repeat(3000)}`, /Site: .* is 3,020 characters long; the limit is 2,048/],
  ])('refuses %s = %j', async (key, value, message) => {
    expect400(await create({ email: `bad-${key}@example.com`, attributes: { [key]: value } }), message);
  });

  it('keeps the message readable when many attributes are wrong', async () => {
    const attributes = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`unknown${i}`, i]));
    const res = await create({ email: 'many@example.com', attributes });
    expect400(res, /and 490 more problem\(s\)$/);
    expect(res.body.error.message.length).toBeLessThan(1000);
    expect(Object.keys(res.body.error.details.errors)).toHaveLength(500);
  });

  it('stores valid values normalized', async () => {
    const res = await create({
      email: 'typed@example.com',
      attributes: {
        age: '42',
        score: 4.5,
        vip: true,
        birthday: '1990-05-31',
        lastSeen: '2024-05-31T14:00:00+02:00',
        workEmail: ' Boss@Example.com ',
        workPhone: '01 23 45 67 89',
        site: 'https://example.com/a',
        plan: 'pro',
        topics: ['news', 'events', 'news'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.attributes).toEqual({
      age: 42,
      score: 4.5,
      vip: true,
      birthday: '1990-05-31',
      lastSeen: '2024-05-31T12:00:00.000Z',
      workEmail: 'boss@example.com',
      workPhone: '+33123456789',
      site: 'https://example.com/a',
      plan: 'pro',
      topics: ['news', 'events'],
    });
    // An update merges into the stored attributes; null clears one value.
    const id = res.body.data.documentId;
    const upd = await update(id, { attributes: { age: 43, plan: null } });
    expect(upd.body.data.attributes).toMatchObject({ age: 43, vip: true });
    expect(upd.body.data.attributes).not.toHaveProperty('plan');
  });

  it('enforces required fields on create, not on partial updates', async () => {
    const req = await field({ key: 'customerId', label: 'Customer ID', type: 'text', required: true });
    try {
      expect400(await create({ email: 'req@example.com' }), /attributes.customerId: Customer ID is required/);
      const ok = await create({ email: 'req@example.com', attributes: { customerId: 'C-1' } });
      expect(ok.status).toBe(201);
      expect((await update(ok.body.data.documentId, { firstName: 'Req' })).status).toBe(200);
    } finally {
      await app.http().delete(`/contacts/fields/${req.body.data.documentId}?confirm=true`).set(admin());
    }
  });
});
