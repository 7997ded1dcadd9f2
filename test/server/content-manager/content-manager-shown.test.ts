import crypto from 'crypto';
import { PERMISSIONS as P, UID } from '../../../server/src/constants';
import { ADMIN, auth, startStrapi, type TestApp } from '../helpers/strapi';

/** `contentManager: true`: contacts show in the Content Manager, still behind the plugin's actions and validation. */
let app: TestApp;
const CM = '/content-manager/collection-types/plugin::contacts.contact';

const editorWith = async (pluginActions: string[]) => {
  const role = await app.strapi.service('admin::role').create({ name: `cm-${crypto.randomBytes(3).toString('hex')}`, description: 'cm' });
  await app.strapi.service('admin::role').assignPermissions(role.id, [
    ...['create', 'read', 'update', 'delete'].map((verb) => ({
      action: `plugin::content-manager.explorer.${verb}`,
      subject: UID.contact,
      properties: verb === 'delete' ? {} : { fields: ['email', 'mobile', 'tags', 'firstName'] },
      conditions: [],
    })),
    ...pluginActions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
  ]);
  const email = `cm-${crypto.randomBytes(3).toString('hex')}@contacts.test`;
  await app.strapi.service('admin::user').create({ email, password: ADMIN.password, firstname: 'Cm', isActive: true, registrationToken: null, roles: [role.id] });
  return (await app.http().post('/admin/login').send({ email, password: ADMIN.password })).body.data.token as string;
};

beforeAll(async () => {
  app = await startStrapi({ CONTACTS_CONTENT_MANAGER: 'true' });
});
afterAll(async () => {
  await app?.stop();
});

it('lists contacts as a displayed type', async () => {
  const res = await app.http().get('/content-manager/content-types').set(auth(app.adminToken));
  expect(res.body.data.find((ct: any) => ct.uid === UID.contact).isDisplayed).toBe(true);
  expect(res.body.data.find((ct: any) => ct.uid === UID.import).isDisplayed).toBe(false);
});

it('needs the plugin action besides the Content Manager right', async () => {
  const none = await editorWith([]);
  const res = await app.http().get(CM).set(auth(none));
  expect(res.status).toBe(403);
  expect(res.body.error.message).toContain(P.contacts.read);
  const reader = await editorWith([P.contacts.read]);
  expect((await app.http().get(CM).set(auth(reader))).status).toBe(200);
  expect((await app.http().post(CM).set(auth(reader)).send({ email: 'r@x.io' })).status).toBe(403);
});

it('validates Content Manager writes like the plugin does', async () => {
  const writer = await editorWith([P.contacts.read, P.contacts.create, P.contacts.manage]);
  const bad = await app.http().post(CM).set(auth(writer)).send({ email: 'cm@x.io', mobile: 'garbage' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/mobile/);
  const badTags = await app.http().post(CM).set(auth(writer)).send({ email: 'cm@x.io', tags: { a: 1 } });
  expect(badTags.status).toBe(400);
  const good = await app.http().post(CM).set(auth(writer)).send({ email: ' CM@X.IO ', mobile: '0612345678' });
  expect(good.status).toBe(201);
  expect(good.body.data).toMatchObject({ email: 'cm@x.io', mobile: '+33612345678' });
  expect((await app.http().get('/content-manager/collection-types/plugin::contacts.field').set(auth(app.adminToken))).status).toBe(403);
});
