import { auth, startStrapi, type TestApp } from '../helpers/strapi';
import { contactsByEmail, importFile, patch, upload } from '../helpers/imports';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi({ CONTACTS_QUEUE_TICK_SECONDS: '0.5' });
});
afterAll(async () => {
  await app?.stop();
});

const seed = async (contacts: Array<Record<string, unknown>>) => {
  for (const c of contacts) {
    const res = await app.http().post('/contacts/contacts').set(auth(app.adminToken)).send(c);
    expect(res.status).toBe(201);
  }
};

const clear = async () => {
  await app.strapi.db.connection('contacts_contacts').delete();
};

describe('import write path', () => {
  beforeEach(clear);

  it('creates contacts that Strapi reads like its own (REST, admin list)', async () => {
    const result = await importFile(app, 'email,firstName,lastName,company\nann@example.com,Ann,Lee,Acme\nbob@example.com,Bob,,\n');
    expect(result.status).toBe('imported');
    expect(result.counters).toMatchObject({ total: 2, processed: 2, created: 2, updated: 0, failed: 0 });
    // The import's history row says who ran it.
    expect(result.createdBy).toMatchObject({ id: expect.any(Number), email: 'admin@contacts.test' });
    const rest = await app.http().get('/api/contacts/contacts').set(auth(app.apiToken)).query({ sort: 'email:asc' });
    expect(rest.status).toBe(200);
    expect(rest.body.data.map((c: any) => c.email)).toEqual(['ann@example.com', 'bob@example.com']);
    // No opt-in column: consent is unknown, never an invented yes.
    expect(rest.body.data[0]).toMatchObject({ firstName: 'Ann', lastName: 'Lee', company: 'Acme', emailOptIn: null, smsOptIn: null });
    expect(rest.body.data[0].documentId).toMatch(/^[a-z0-9]{24}$/);
    const one = await app.http().get(`/contacts/contacts/${rest.body.data[0].documentId}`).set(auth(app.adminToken));
    expect(one.status).toBe(200);
    expect(one.body.data.createdAt).toBeTruthy();
  });

  it('upsert: case-variant duplicates in the file and against the base make one contact; the later row wins', async () => {
    await seed([{ email: 'kim@example.com', firstName: 'Old' }]);
    const csv = 'email,firstName\nKIM@example.com ,Kim\nnew@example.com,First\n New@Example.com,Second\n';
    const result = await importFile(app, csv);
    expect(result.counters).toMatchObject({ processed: 3, created: 1, updated: 2, unchanged: 0, skipped: 0, failed: 0 });
    const all = await contactsByEmail(app);
    expect(all.size).toBe(2);
    expect(all.get('kim@example.com').first_name).toBe('Kim');
    expect(all.get('new@example.com').first_name).toBe('Second');
  });

  it('create mode skips existing contacts; update mode skips new ones', async () => {
    await seed([{ email: 'a@example.com', firstName: 'A' }]);
    const created = await importFile(app, 'email,firstName\na@example.com,Changed\nb@example.com,B\n', { options: { mode: 'create' } });
    expect(created.counters).toMatchObject({ created: 1, skipped: 1, updated: 0 });
    const updated = await importFile(app, 'email,firstName\na@example.com,Changed\nc@example.com,C\n', { options: { mode: 'update' } });
    expect(updated.counters).toMatchObject({ created: 0, updated: 1, skipped: 1 });
    const all = await contactsByEmail(app);
    expect(all.get('a@example.com').first_name).toBe('Changed');
    expect(all.has('c@example.com')).toBe(false);
  });

  it('fill-empty fills only empty fields of existing contacts and creates new ones', async () => {
    await seed([{ email: 'f@example.com', firstName: 'Keep' }]);
    const result = await importFile(app, 'email,firstName,company\nf@example.com,Other,Filled\ng@example.com,G,\n', { options: { mode: 'fill-empty' } });
    expect(result.counters).toMatchObject({ created: 1, updated: 1 });
    const all = await contactsByEmail(app);
    expect(all.get('f@example.com')).toMatchObject({ first_name: 'Keep', company: 'Filled' });
  });

  it('an empty cell never overwrites a stored value unless emptyClears is set', async () => {
    await seed([{ email: 'e@example.com', firstName: 'Eve', company: 'Corp' }]);
    const kept = await importFile(app, 'email,firstName,company\ne@example.com,,Corp\n');
    expect(kept.counters).toMatchObject({ unchanged: 1 });
    expect((await contactsByEmail(app)).get('e@example.com').first_name).toBe('Eve');
    const cleared = await importFile(app, 'email,firstName,company\ne@example.com,,Corp\n', { options: { emptyClears: true } });
    expect(cleared.counters).toMatchObject({ updated: 1 });
    expect((await contactsByEmail(app)).get('e@example.com').first_name).toBeNull();
  });

  it('never re-subscribes an opted-out contact unless allowResubscribe; do-not-contact opts out', async () => {
    await seed([
      { email: 'out@example.com', emailOptIn: 'no' },
      { email: 'blocked@example.com', emailOptIn: 'blocklist' },
    ]);
    const csv = 'email,optin,dnc\nout@example.com,yes,\nblocked@example.com,oui,\ndnc@example.com,yes,1\n';
    const mapping = [
      { column: 'email', field: 'email' },
      { column: 'optin', field: 'emailOptIn' },
      { column: 'dnc', field: 'doNotContact' },
    ];
    await importFile(app, csv, { mapping });
    let all = await contactsByEmail(app);
    expect(all.get('out@example.com').email_opt_in).toBe('no');
    expect(all.get('blocked@example.com').email_opt_in).toBe('blocklist');
    expect(all.get('dnc@example.com').email_opt_in).toBe('no');
    await importFile(app, csv, { mapping, options: { allowResubscribe: true } });
    all = await contactsByEmail(app);
    expect(all.get('out@example.com').email_opt_in).toBe('yes');
  });

  it('custom fields: values outside a closed list are warnings (the contact is kept), an open list adds them', async () => {
    const field = (body: Record<string, unknown>) => app.http().post('/contacts/fields').set(auth(app.adminToken)).send(body);
    expect((await field({ key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] })).status).toBe(201);
    expect((await field({ key: 'source', label: 'Source', type: 'select', options: ['web'], allowUnknownValues: true })).status).toBe(201);
    expect((await field({ key: 'score', label: 'Score', type: 'integer' })).status).toBe(201);
    const csv = 'email,plan,source,score\np1@example.com,PRO,web,10\np2@example.com,gold,fair,3\np3@example.com,free,fair,x\n';
    const mapping = ['email', 'plan', 'source', 'score'].map((c) => ({ column: c, field: c }));
    const result = await importFile(app, csv, { mapping });
    expect(result.counters).toMatchObject({ processed: 3, created: 3, failed: 0, warnings: 2 });
    const all = await contactsByEmail(app);
    expect(all.get('p1@example.com').attributes).toEqual({ plan: 'pro', source: 'web', score: 10 });
    expect(all.get('p2@example.com').attributes).toEqual({ source: 'fair', score: 3 });
    expect(all.get('p3@example.com').attributes).toEqual({ plan: 'free', source: 'fair' });
    const fields = (await app.http().get('/contacts/fields').set(auth(app.adminToken))).body.data;
    expect(fields.find((f: any) => f.key === 'source').options).toEqual(['web', 'fair']);
    expect(fields.find((f: any) => f.key === 'plan').options).toEqual(['free', 'pro']);
  });

  it('adds imported contacts to static segments, tags them, and records history per import', async () => {
    const segment = await app.strapi.documents('plugin::contacts.segment' as any).create({ data: { name: 'Newsletter', kind: 'static' } as any });
    const result = await importFile(app, 'email,tags\ns1@example.com,vip|fr\ns2@example.com,\n', {
      options: { segmentIds: [(segment as any).documentId], tags: ['import-2026'] },
    });
    expect(result.counters.created).toBe(2);
    const all = await contactsByEmail(app);
    expect(all.get('s1@example.com').tags.sort()).toEqual(['fr', 'import-2026', 'vip']);
    expect(all.get('s2@example.com').tags).toEqual(['import-2026']);
    const links = await app.strapi.db.connection('contacts_contacts_segments_lnk').where({ segment_id: (segment as any).id });
    expect(links).toHaveLength(2);
    const events = await app.strapi.db.connection('contacts_history').where({ import_id: result.id });
    expect(events.map((e: any) => e.kind)).toEqual(['import.created', 'import.created']);
  });

  it('sets the owner given in the options on every imported contact, and refuses an unknown owner', async () => {
    const [admin] = await app.strapi.db.connection('admin_users').select('id').limit(1);
    const result = await importFile(app, 'email\no1@example.com\no2@example.com\n', { options: { owner: String(admin.id) } });
    expect(result.counters.created).toBe(2);
    const all = await contactsByEmail(app);
    expect(all.get('o1@example.com').owner_id).toBe(admin.id);
    const created = await upload(app, 'email\no3@example.com\n');
    const bad = await patch(app, created.body.data.documentId, { options: { owner: 999999 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/no admin user has the id 999999/);
  });

  it('mobile as the base’s key: numbers normalized to E.164 with the default country', async () => {
    await app.strapi.db.connection('contacts_contacts').delete();
    expect((await app.http().put('/contacts/settings').set(auth(app.adminToken)).send({ uniqueKey: 'mobile' })).status).toBe(200);
    try {
      const csv = 'mobile,firstName\n06 12 34 56 78,Lou\n+33612345678,Lou2\n0033 6 99 88 77 66,Max\nnot-a-phone,Bad\n';
      const result = await importFile(app, csv, {
        options: { defaultCountry: 'FR' },
        mapping: [{ column: 'mobile', field: 'mobile' }, { column: 'firstName', field: 'firstName' }],
      });
      expect(result.counters).toMatchObject({ processed: 4, created: 2, updated: 1, failed: 1 });
      const rows = await app.strapi.db.connection('contacts_contacts').select('mobile', 'first_name').orderBy('mobile');
      expect(rows).toEqual([
        { mobile: '+33612345678', first_name: 'Lou2' },
        { mobile: '+33699887766', first_name: 'Max' },
      ]);
    } finally {
      await app.strapi.db.connection('contacts_contacts').delete();
      await app.http().put('/contacts/settings').set(auth(app.adminToken)).send({ uniqueKey: 'email' });
    }
  });

  it('a big import leaves the planner statistics of the contacts table up to date (Postgres)', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `stats${i}@example.com,S${i}`);
    const result = await importFile(app, `email,firstName\n${lines.join('\n')}\n`);
    expect(result.counters).toMatchObject({ created: 10_000 });
    if (app.strapi.db.dialect.client !== 'postgres') return;
    const { rows } = await app.strapi.db.connection.raw(
      "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'contacts_contacts'"
    );
    expect(rows[0].last_analyze).toBeTruthy();
  });
});
