import { auth, startStrapi, type TestApp } from '../helpers/strapi';

/** `subscribe.doubleOptIn: false`: a new address is subscribed at once; a known one only gets its empty names. */
let app: TestApp;
beforeAll(async () => {
  app = await startStrapi({ CONTACTS_DOUBLE_OPT_IN: 'false' });
});
afterAll(async () => {
  await app?.stop();
});

const subscribe = (body: object) => app.http().post('/api/contacts/subscribe').set(auth(app.apiToken)).send(body);
const contactByEmail = (email: string) => app.strapi.db.query('plugin::contacts.contact').findOne({ where: { email } });

it('subscribes a new address at once, once, whatever the case and spacing', async () => {
  const first = await subscribe({ email: '  Sub.Scriber@Example.COM ', firstName: 'Sub' });
  expect(first.body).toEqual({ data: { email: 'sub.scriber@example.com', status: 'subscribed' } });
  await subscribe({ email: 'SUB.SCRIBER@EXAMPLE.COM\t', lastName: 'Scriber' });
  const rows = await app.strapi.db.connection('contacts_contacts').whereRaw('LOWER(email) LIKE ?', ['%sub.scriber%']);
  expect(rows).toHaveLength(1);
  expect(await contactByEmail('sub.scriber@example.com')).toMatchObject({ firstName: 'Sub', lastName: 'Scriber', emailOptIn: 'yes' });
});

it('never changes the opt-in of a known address, nor a name it already has', async () => {
  await app.http().post('/contacts/contacts').set(auth(app.adminToken)).send({ email: 'no@example.com', emailOptIn: 'no', firstName: 'Real' });
  const res = await subscribe({ email: 'no@example.com', firstName: 'Prank', company: 'Acme' });
  expect(res.body).toEqual({ data: { email: 'no@example.com', status: 'subscribed' } });
  expect(await contactByEmail('no@example.com')).toMatchObject({ emailOptIn: 'no', firstName: 'Real', company: 'Acme' });
});

it('makes one contact of concurrent sign-ups of one address', async () => {
  const server = app.strapi.server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const variants = ['race@example.com', ' RACE@example.com', 'Race@Example.com ', 'race@EXAMPLE.com', '\trace@example.com'];
  const results = await Promise.all(variants.map((email) => subscribe({ email })));
  expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  const rows = await app.strapi.db.connection('contacts_contacts').whereRaw('LOWER(email) = ?', ['race@example.com']);
  expect(rows).toHaveLength(1);
});
