import { PERMISSIONS as P } from '../../../server/src/constants';
import { importFile } from '../helpers/imports';
import { auth, createAdminWithActions, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Segments through the admin API on the three databases: default segments,
 * dynamic ones refreshed set-based, static ones by hand, criteria errors with
 * their path, the preview, the contacts search and bulk actions.
 */
let app: TestApp;
const admin = () => auth(app.adminToken);
const post = (path: string, body: object) => app.http().post(path).set(admin()).send(body);
const get = (path: string) => app.http().get(path).set(admin());
const all = (...conditions: object[]) => ({ match: 'all', conditions });
const any = (...conditions: object[]) => ({ match: 'any', conditions });

beforeAll(async () => {
  app = await startStrapi({ CONTACTS_QUEUE_TICK_SECONDS: '0.5' });
  await post('/contacts/fields', { key: 'city', label: 'City', type: 'text' });
  await post('/contacts/fields', { key: 'score', label: 'Score', type: 'integer' });
  await post('/contacts/fields', { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro', 'team'] });
  await post('/contacts/fields', { key: 'topics', label: 'Topics', type: 'multiselect', options: ['news', 'sales', 'events'] });
  await post('/contacts/fields', { key: 'birthday', label: 'Birthday', type: 'date' });
  await post('/contacts/fields', { key: 'vip', label: 'VIP', type: 'boolean' });
  const rows = [
    'email,firstName,lastName,optin,mobile,city,score,plan,topics,birthday,vip,tags',
    'helene@x.io,Hélène,Dupré,oui,0611111111,Paris,10,pro,news|sales,1990-03-14,oui,vip',
    'HELENE2@x.io,HELENE,Martin,non,,Lyon,3,free,events,,non,',
    'bob@x.io,Bob,Smith,,0622222222,paris,,team,,2001-12-31,,vip|fr',
    'zoe@x.io,Zoé,100%_Sure,oui,,,7,,news,,,',
  ];
  const mapping = [
    { column: 'email', field: 'email' },
    { column: 'firstName', field: 'firstName' },
    { column: 'lastName', field: 'lastName' },
    { column: 'optin', field: 'emailOptIn' },
    { column: 'mobile', field: 'mobile' },
    ...['city', 'score', 'plan', 'topics', 'birthday', 'vip'].map((f) => ({ column: f, field: f })),
    { column: 'tags', field: 'tags' },
  ];
  const done = await importFile(app, rows.join('\n'), { mapping });
  expect(done.counters).toMatchObject({ created: 4, failed: 0, warnings: 0 });
});
afterAll(async () => {
  await app?.stop();
});

const emails = async (criteria: object) => {
  const res = await get(`/contacts/contacts?pageSize=100&criteria=${encodeURIComponent(JSON.stringify(criteria))}`);
  expect(res.status).toBe(200);
  return res.body.data.map((c: any) => c.email).sort();
};

describe('default segments', () => {
  it('are seeded once, builtIn, with visible criteria, and cannot be deleted', async () => {
    const list = await get('/contacts/segments');
    const builtIn = list.body.data.filter((s: any) => s.builtIn);
    expect(builtIn).toHaveLength(11);
    expect(builtIn[0]).toMatchObject({ name: 'All contacts', kind: 'dynamic', criteria: { match: 'all', conditions: [] } });
    const res = await app.http().delete(`/contacts/segments/${builtIn[0].documentId}`).set(admin());
    expect(res.status).toBe(400);
    expect((await app.http().put(`/contacts/segments/${builtIn[1].documentId}`).set(admin()).send({ criteria: all() })).status).toBe(400);
  });

  it('are refreshed after an import (all contacts, subscribers, active ones)', async () => {
    let segments: any[] = [];
    // The import refreshes them one after the other, in the background.
    for (let i = 0; i < 100; i++) {
      segments = (await get('/contacts/segments')).body.data;
      if (segments.filter((s: any) => s.builtIn).every((s: any) => s.lastRefresh?.at)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const byName = (n: string) => segments.find((s: any) => s.name === n);
    expect(byName('All contacts').count).toBe(4);
    expect(byName('E-mail subscribers').count).toBe(2);
    expect(byName('E-mail unsubscribed').count).toBe(1);
    expect(byName('All SMS contacts').count).toBe(2);
    expect(byName('Active contacts').count).toBe(4);
    expect(byName('Inactive contacts').count).toBe(0);
    expect(byName('All contacts').lastRefresh).toMatchObject({ added: 4, removed: 0 });
  });
});

describe('criteria', () => {
  it('text operators fold accents and case, the same on every database; % and _ are literal', async () => {
    expect(await emails(all({ field: 'firstName', operator: 'eq', value: 'helene' }))).toEqual(['helene2@x.io', 'helene@x.io']);
    expect(await emails(all({ field: 'city', operator: 'eq', value: 'PARIS' }))).toEqual(['bob@x.io', 'helene@x.io']);
    expect(await emails(all({ field: 'lastName', operator: 'contains', value: '%_s' }))).toEqual(['zoe@x.io']);
    expect(await emails(all({ field: 'lastName', operator: 'startsWith', value: 'dup' }))).toEqual(['helene@x.io']);
  });

  it('a "not" matches empty values on text and numbers, never on lists', async () => {
    expect(await emails(all({ field: 'city', operator: 'neq', value: 'paris' }))).toEqual(['helene2@x.io', 'zoe@x.io']);
    expect(await emails(all({ field: 'score', operator: 'neq', value: 10 }))).toEqual(['bob@x.io', 'helene2@x.io', 'zoe@x.io']);
    expect(await emails(all({ field: 'plan', operator: 'notIn', value: ['pro'] }))).toEqual(['bob@x.io', 'helene2@x.io']);
    expect(await emails(all({ field: 'topics', operator: 'notIn', value: ['news'] }))).toEqual(['helene2@x.io']);
  });

  it('numbers, dates, booleans, lists, tags and opt-ins; ALL, ANY and nested groups', async () => {
    expect(await emails(all({ field: 'score', operator: 'between', value: [3, 7] }))).toEqual(['helene2@x.io', 'zoe@x.io']);
    expect(await emails(all({ field: 'birthday', operator: 'before', value: '2000-01-01' }))).toEqual(['helene@x.io']);
    expect(await emails(all({ field: 'vip', operator: 'isTrue' }))).toEqual(['helene@x.io']);
    expect(await emails(all({ field: 'vip', operator: 'empty' }))).toEqual(['bob@x.io', 'zoe@x.io']);
    expect(await emails(all({ field: 'topics', operator: 'in', value: ['sales', 'events'] }))).toEqual(['helene2@x.io', 'helene@x.io']);
    expect(await emails(all({ field: 'tags', operator: 'in', value: ['vip'] }))).toEqual(['bob@x.io', 'helene@x.io']);
    expect(await emails(all({ field: 'emailOptIn', operator: 'empty' }))).toEqual(['bob@x.io']);
    const nested = any({ field: 'plan', operator: 'in', value: ['team'] }, all({ field: 'emailOptIn', operator: 'in', value: ['yes'] }, { field: 'score', operator: 'gt', value: 8 }));
    expect(await emails(nested)).toEqual(['bob@x.io', 'helene@x.io']);
    expect(await emails(all({ field: 'createdAt', operator: 'inLastDays', value: 1 }))).toHaveLength(4);
    expect(await emails(all({ field: 'lastActivityAt', operator: 'notInLastDays', value: 1 }))).toEqual([]);
  });

  it('refuses bad criteria with a 400 naming the path of the condition', async () => {
    const cases: Array<[object, string, RegExp]> = [
      [all({ field: 'nope', operator: 'eq', value: 'x' }), 'criteria.conditions.0.field', /unknown field "nope"/],
      [all(any({ field: 'score', operator: 'contains', value: 'x' })), 'criteria.conditions.0.conditions.0.operator', /does not apply to Score/],
      [all({ field: 'score', operator: 'gt', value: 'ten' }), 'criteria.conditions.0.value', /not a number/],
      [all({ field: 'plan', operator: 'in', value: ['gold'] }), 'criteria.conditions.0.value', /"gold" is not an option/],
      [all({ inSegment: 'missing' }), 'criteria.conditions.0.inSegment', /no segment/],
      [{ match: 'some', conditions: [] }, 'criteria.match', /match must be/],
      [all({ search: '  ' }), 'criteria.conditions.0.search', /search must be a text of 1 to 255 characters/],
      [all({ search: 'x', not: true } as any), 'criteria.conditions.0.not', /unknown property of a search condition/],
    ];
    for (const [criteria, path, message] of cases) {
      const res = await post('/contacts/segments/preview', { criteria });
      expect(res.status).toBe(400);
      expect(res.body.error.details.path).toBe(path);
      expect(res.body.error.message).toMatch(message);
    }
  });
});

describe('segments', () => {
  it('a dynamic segment is refreshed set-based and reports what changed', async () => {
    const created = await post('/contacts/segments', { name: 'Paris', kind: 'dynamic', criteria: all({ field: 'city', operator: 'eq', value: 'paris' }) });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ count: 2, lastRefresh: { added: 2, removed: 0 } });
    const id = created.body.data.documentId;
    await importFile(app, 'email,city\nbob@x.io,Nice\nnew@x.io,Paris\n', { mapping: [{ column: 'email', field: 'email' }, { column: 'city', field: 'city' }] });
    // The import refreshes the dynamic segments by itself.
    let segment: any;
    for (let i = 0; i < 50; i++) {
      segment = (await get(`/contacts/segments/${id}`)).body.data;
      if (segment.lastRefresh?.added === 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(segment).toMatchObject({ count: 2, lastRefresh: { added: 1, removed: 1 } });
    expect(segment.lastRefresh.durationMs).toBeGreaterThanOrEqual(0);
    const again = await post(`/contacts/segments/${id}/refresh`, {});
    expect(again.body.data).toMatchObject({ count: 2, added: 0, removed: 0 });
    // Contacts are filterable by segment on the content API, and its members listed through criteria.
    const api = await app.http().get('/api/contacts/contacts').query({ 'filters[segments][documentId][$eq]': id }).set(auth(app.apiToken));
    expect(api.body.data.map((c: any) => c.email).sort()).toEqual(['helene@x.io', 'new@x.io']);
    expect(await emails(all({ inSegment: id }))).toEqual(['helene@x.io', 'new@x.io']);
    expect((await app.http().get(`/api/contacts/segments/${id}`).set(auth(app.apiToken))).body.data).toMatchObject({ name: 'Paris', count: 2 });
  });

  it('static segments get members by selection or by search; a segment of segments reads stored membership; cycles are refused', async () => {
    const s = (await post('/contacts/segments', { name: 'Hand picked', kind: 'static' })).body.data;
    const bob = (await get('/contacts/contacts?q=bob@x.io')).body.data[0];
    expect((await post(`/contacts/segments/${s.documentId}/members`, { ids: [bob.documentId] })).body.data.count).toBe(1);
    expect((await post(`/contacts/segments/${s.documentId}/members`, { criteria: all({ field: 'firstName', operator: 'eq', value: 'helene' }) })).body.data.count).toBe(3);
    expect((await post(`/contacts/segments/${s.documentId}/members/remove`, { ids: [bob.documentId] })).body.data.count).toBe(2);
    const a = (await post('/contacts/segments', { name: 'A', kind: 'dynamic', criteria: all({ inSegment: s.documentId }, { field: 'score', operator: 'gt', value: 5 }) })).body.data;
    expect(a.count).toBe(1);
    const b = (await post('/contacts/segments', { name: 'B', kind: 'dynamic', criteria: all({ inSegment: a.documentId, not: true }) })).body.data;
    expect(b.count).toBeGreaterThan(0);
    const cycle = await app.http().put(`/contacts/segments/${a.documentId}`).set(admin()).send({ criteria: all({ inSegment: b.documentId }) });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.message).toMatch(/cannot include itself \(A → B → A\)/);
    expect((await app.http().delete(`/contacts/segments/${a.documentId}`).set(admin())).status).toBe(400);
    expect((await post(`/contacts/segments/${a.documentId}/members`, { ids: [bob.documentId] })).status).toBe(400);
  });

  it('an import can add its contacts to a static segment', async () => {
    const s = (await post('/contacts/segments', { name: 'Fair 2026', kind: 'static' })).body.data;
    const done = await importFile(app, 'email\nfair1@x.io\nbob@x.io\n', { options: { segmentIds: [s.documentId] } });
    expect(done.counters.processed).toBe(2);
    // Counted when the import ends, not only after a refresh.
    expect((await get(`/contacts/segments/${s.documentId}`)).body.data.count).toBe(2);
    expect((await post(`/contacts/segments/${s.documentId}/refresh`, {})).body.data.count).toBe(2);
    // A dynamic segment follows its criteria: an import cannot add to it.
    const dynamic = (await get('/contacts/segments?kind=dynamic')).body.data[0];
    const draft = (await app.http().post('/contacts/imports').set(admin()).attach('file', Buffer.from('email\nx@x.io\n'), 'x.csv')).body.data;
    const refused = await app.http().patch(`/contacts/imports/${draft.documentId}`).set(admin()).send({ options: { segmentIds: [dynamic.documentId] } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/is a dynamic segment/);
    // "In import": created or updated by it (bob was already there, unchanged).
    expect(await emails(all({ inImport: done.documentId }))).toEqual(['fair1@x.io']);
  });

  it('previews a count and the first contacts without saving', async () => {
    const res = await post('/contacts/segments/preview', { criteria: all({ field: 'email', operator: 'endsWith', value: '@x.io' }) });
    expect(res.status).toBe(200);
    expect(res.body.data.count).toBeGreaterThanOrEqual(5);
    expect(res.body.data.sample.length).toBe(Math.min(20, res.body.data.count));
    expect(res.body.data.sample[0]).not.toHaveProperty('folded');
  });

  it('needs the segments actions', async () => {
    const reader = await createAdminWithActions(app, [P.contacts.read]);
    expect((await app.http().get('/contacts/segments').set(auth(reader))).status).toBe(403);
    expect((await app.http().post('/contacts/segments').set(auth(reader)).send({ name: 'x' })).status).toBe(403);
    expect((await app.http().post('/contacts/segments/preview').set(auth(reader)).send({ criteria: all() })).status).toBe(200);
  });
});

describe('contacts search and bulk actions', () => {
  it('the quick search folds accents and reads phones in any form', async () => {
    expect((await get('/contacts/contacts?q=helene')).body.data.map((c: any) => c.email).sort()).toEqual(['helene2@x.io', 'helene@x.io']);
    expect((await get(`/contacts/contacts?q=${encodeURIComponent('06 11 11 11 11')}`)).body.data.map((c: any) => c.email)).toEqual(['helene@x.io']);
    expect((await get('/contacts/contacts?q=dupre')).body.meta.pagination.total).toBe(1);
  });

  it('the quick search is a condition of criteria too: the same contacts, beside other conditions, in a dynamic segment', async () => {
    const quick = async (q: string) => (await get(`/contacts/contacts?q=${encodeURIComponent(q)}`)).body.data.map((c: any) => c.email).sort();
    for (const q of ['helene', '06 11 11 11 11', 'HELENE@x.io', 'dupre']) expect(await emails(all({ search: q }))).toEqual(await quick(q));
    expect(await emails(all({ search: 'helene' }, { field: 'lastName', operator: 'startsWith', value: 'dup' }))).toEqual(['helene@x.io']);
    const saved = await post('/contacts/segments', { name: 'Quick helene', kind: 'dynamic', criteria: all({ search: 'hélène' }) });
    expect(saved.status).toBe(201);
    expect(saved.body.data.count).toBe(2);
    await app.http().delete(`/contacts/segments/${saved.body.data.documentId}`).set(admin());
  });

  it('tags and deletes a selection or every result of a search', async () => {
    const tagged = await post('/contacts/contacts/bulk', { action: 'addTags', tags: ['b2b'], criteria: all({ field: 'plan', operator: 'in', value: ['pro', 'team'] }) });
    expect(tagged.body.data.affected).toBe(2);
    expect(await emails(all({ field: 'tags', operator: 'in', value: ['b2b'] }))).toEqual(['bob@x.io', 'helene@x.io']);
    const untag = await post('/contacts/contacts/bulk', { action: 'removeTags', tags: ['b2b'], criteria: all({ field: 'tags', operator: 'in', value: ['b2b'] }) });
    expect(untag.body.data.affected).toBe(2);
    const gone = (await get('/contacts/contacts?q=fair1@x.io')).body.data[0];
    const del = await post('/contacts/contacts/bulk', { action: 'delete', ids: [gone.documentId] });
    expect(del.body.data.affected).toBe(1);
    expect((await get('/contacts/contacts?q=fair1@x.io')).body.meta.pagination.total).toBe(0);
    expect((await post('/contacts/contacts/bulk', { action: 'explode', ids: [] })).status).toBe(400);
  });
});

describe('sites (content API and GraphQL)', () => {
  const api = () => auth(app.apiToken);
  const gql = (query: string, variables?: object) => app.http().post('/graphql').set(api()).send({ query, variables });

  it('read segments and filter contacts by segment', async () => {
    const paris = (await post('/contacts/segments', { name: 'Paris again', kind: 'dynamic', criteria: all({ field: 'city', operator: 'eq', value: 'paris' }) })).body.data;
    const listed = await app.http().get('/api/contacts/segments').query({ 'filters[name][$eq]': 'Paris again' }).set(api());
    expect(listed.body.data).toEqual([expect.objectContaining({ documentId: paris.documentId, count: paris.count, kind: 'dynamic' })]);
    const res = await gql(
      `query($id: ID!) {
        contacts(filters: { segments: { documentId: { eq: $id } } }, sort: ["email:asc"]) { email }
        contactsSegments(filters: { documentId: { eq: $id } }) { name count }
      }`,
      { id: paris.documentId }
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.contacts.map((c: any) => c.email)).toEqual(await emails(all({ inSegment: paris.documentId })));
    expect(res.body.data.contactsSegments).toEqual([{ name: 'Paris again', count: paris.count }]);
  });

  it('a contact write puts it in or out of static segments only, and their counts follow', async () => {
    const list = (await post('/contacts/segments', { name: 'Newsletter form', kind: 'static' })).body.data;
    const other = (await post('/contacts/segments', { name: 'Other form', kind: 'static' })).body.data;
    const paris = (await get('/contacts/segments')).body.data.find((s: any) => s.name === 'Paris');
    const created = await app.http().post('/api/contacts/contacts').set(api()).send({ data: { email: 'form@x.io', segments: [list.documentId] } });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect((await get(`/contacts/segments/${list.documentId}`)).body.data.count).toBe(1);

    const connect = await app.http().put(`/api/contacts/contacts/${id}`).set(api()).send({ data: { segments: { connect: [other.documentId], disconnect: [list.documentId] } } });
    expect(connect.status).toBe(200);
    expect((await get(`/contacts/segments/${list.documentId}`)).body.data.count).toBe(0);
    expect((await get(`/contacts/segments/${other.documentId}`)).body.data.count).toBe(1);

    const dynamic = await app.http().put(`/api/contacts/contacts/${id}`).set(api()).send({ data: { segments: [paris.documentId] } });
    expect(dynamic.status).toBe(400);
    expect(dynamic.body.error.message).toMatch(/"Paris" is a dynamic segment/);
    const unknown = await app.http().put(`/api/contacts/contacts/${id}`).set(api()).send({ data: { segments: { connect: ['nope'] } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/no segment "nope"/);
    expect((await get(`/contacts/segments/${other.documentId}`)).body.data.count).toBe(1);

    // A plain list replaces the static memberships; the dynamic ones are the criteria's.
    const helene = (await get('/contacts/contacts?q=helene@x.io')).body.data[0];
    const before = await emails(all({ inSegment: paris.documentId }));
    expect(before).toContain('helene@x.io');
    const set = await app.http().put(`/api/contacts/contacts/${helene.documentId}`).set(api()).send({ data: { segments: [list.documentId] } });
    expect(set.status).toBe(200);
    expect(await emails(all({ inSegment: paris.documentId }))).toEqual(before);
    expect(await emails(all({ inSegment: list.documentId }))).toEqual(['helene@x.io']);
  });
});
