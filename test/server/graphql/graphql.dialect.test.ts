import { auth, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * GraphQL through @strapi/plugin-graphql: the `contacts` alias, what is and is
 * not exposed, and filters that would fail in SQL on one database only.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
  const admin = auth(app.adminToken);
  await app.http().post('/contacts/fields').set(admin).send({ key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] });
  for (const [email, firstName, plan] of [
    ['gql-a@example.com', 'Ann', 'pro'],
    ['gql-b@example.com', 'Ben', 'free'],
    ['gql-c@example.com', 'Cid', 'pro'],
  ]) {
    const res = await app.http().post('/contacts/contacts').set(admin).send({ email, firstName, attributes: { plan } });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await app?.stop();
});

const gql = (query: string, token: string | null = app.apiToken, variables?: object) => {
  const req = app.http().post('/graphql');
  if (token) req.set(auth(token));
  return req.send({ query, variables });
};
const customToken = async (permissions: string[]) =>
  (
    await app.strapi
      .service('admin::api-token')
      .create({ name: `gql-${Math.random()}`, type: 'custom', lifespan: null, description: '', permissions })
  ).accessKey as string;

describe('GraphQL contacts query', () => {
  it('returns contacts with filters, sort and pagination, like contactsContacts', async () => {
    const query = `query($q: String) {
      contacts(filters: { email: { containsi: $q } }, sort: ["email:desc"], pagination: { page: 1, pageSize: 2 }) {
        documentId email firstName attributes
      }
      contactsContacts(filters: { email: { containsi: $q } }, sort: ["email:desc"], pagination: { page: 1, pageSize: 2 }) { documentId }
    }`;
    const res = await gql(query, app.apiToken, { q: 'GQL-' });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.contacts.map((c: any) => c.email)).toEqual(['gql-c@example.com', 'gql-b@example.com']);
    expect(res.body.data.contacts[0].attributes).toEqual({ plan: 'pro' });
    expect(res.body.data.contactsContacts.map((c: any) => c.documentId)).toEqual(res.body.data.contacts.map((c: any) => c.documentId));
  });

  it('is refused without a token, and with a token lacking the find scope', async () => {
    const anon = await gql('{ contacts { documentId email } }', null);
    expect(anon.body.data).toBeNull();
    expect(anon.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const findOne = await customToken(['plugin::contacts.contact.findOne']);
    const denied = await gql('{ contacts { email } }', findOne);
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const find = await customToken(['plugin::contacts.contact.find']);
    const allowed = await gql('{ contacts { email } }', find);
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data.contacts).toHaveLength(3);
  });

  it('answers BAD_USER_INPUT, not an internal error, to filters the database cannot run', async () => {
    for (const query of [
      '{ contacts(filters: { attributes: { contains: "pro" } }) { email } }',
      '{ contactsContacts(filters: { tags: { eq: "x" } }) { email } }',
      '{ contactsSegments(filters: { criteria: { contains: "x" } }) { name } }',
      '{ contacts { segments(filters: { criteria: { contains: "x" } }) { name } } }',
    ]) {
      const res = await gql(query);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].message).toMatch(/JSON fields only support \$null and \$notNull/);
    }
    const ok = await gql('{ contacts(filters: { attributes: { notNull: true } }) { email } }');
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.contacts).toHaveLength(3);
  });
});

describe('GraphQL schema exposure', () => {
  it('exposes contacts and segments, and none of the internal types', async () => {
    const res = await gql('{ __schema { queryType { fields { name } } mutationType { fields { name } } types { name } } }');
    const queries = res.body.data.__schema.queryType.fields.map((f: any) => f.name);
    const mutations = res.body.data.__schema.mutationType.fields.map((f: any) => f.name);
    const types = res.body.data.__schema.types.map((t: any) => t.name);
    expect(queries).toEqual(expect.arrayContaining(['contacts', 'contactsContacts', 'contactsContact', 'contactsSegments', 'contactsSegment']));
    for (const name of ['Field', 'Import', 'ImportError', 'ContactEvent', 'Export']) {
      expect(types).not.toContain(`Contacts${name}`);
      expect(queries.filter((q: string) => q.toLowerCase().startsWith(`contacts${name.toLowerCase()}`))).toEqual([]);
    }
    expect(mutations).toEqual(expect.arrayContaining(['createContactsContact', 'updateContactsContact', 'deleteContactsContact']));
    // Segments are read-only for sites.
    expect(mutations.filter((m: string) => /Segment/.test(m))).toEqual([]);
  });

  it('validates contact mutations like the REST API', async () => {
    const bad = await gql('mutation { createContactsContact(data: { email: "broken", attributes: { plan: "gold" } }) { documentId } }');
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors[0].message).toMatch(/not a valid e-mail address.*Plan: "gold" is not one of the options \(free, pro\)/);

    const created = await gql('mutation { createContactsContact(data: { email: " New.GQL@Example.com ", mobile: "0611223344" }) { documentId email mobile } }');
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createContactsContact).toMatchObject({ email: 'new.gql@example.com', mobile: '+33611223344' });
    const id = created.body.data.createContactsContact.documentId;

    const dup = await gql(`mutation { updateContactsContact(documentId: "${id}", data: { email: "gql-a@example.com" }) { email } }`);
    expect(dup.body.errors[0].message).toMatch(/already exists/);
    const upd = await gql(`mutation { updateContactsContact(documentId: "${id}", data: { attributes: { plan: "free" } }) { attributes } }`);
    expect(upd.body.data.updateContactsContact.attributes).toEqual({ plan: 'free' });

    const noScope = await customToken(['plugin::contacts.contact.find']);
    const denied = await gql(`mutation { deleteContactsContact(documentId: "${id}") { documentId } }`, noScope);
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const del = await gql(`mutation { deleteContactsContact(documentId: "${id}") { documentId } }`);
    expect(del.body.data.deleteContactsContact.documentId).toBe(id);
    const again = await gql(`mutation { deleteContactsContact(documentId: "${id}") { documentId } }`);
    expect(again.body.errors[0].extensions.code).toBe('STRAPI_NOT_FOUND_ERROR');
  });
});
