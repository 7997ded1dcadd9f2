import crypto from 'crypto';
import path from 'path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { createTestDatabase } from './database';
import { appSecrets } from './secrets';

export const PLAYGROUND = path.join(__dirname, '../../../playground');
export const ADMIN = { email: 'admin@contacts.test', password: 'Test1234!pass' };

export interface TestApp {
  strapi: Core.Strapi;
  /** supertest agent on the app's HTTP server. */
  http: () => ReturnType<typeof request>;
  /** Admin JWT of the super admin. */
  adminToken: string;
  /** A full-access content-API token. */
  apiToken: string;
  stop: () => Promise<void>;
}

/** Boots the real playground Strapi on a fresh database, with a super admin and an API token. */
export const startStrapi = async (extraEnv: Record<string, string> = {}): Promise<TestApp> => {
  const db = await createTestDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    ...appSecrets(),
    DEMO_ADMIN_EMAIL: ADMIN.email,
    DEMO_ADMIN_PASSWORD: ADMIN.password,
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL || 'error',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'none',
    ...db.env,
    ...extraEnv,
  });
  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = await createStrapi({ appDir: PLAYGROUND, distDir: PLAYGROUND, serveAdminPanel: false }).load();
  strapi.log.level = 'error';
  await strapi.server.mount();
  const server = strapi.server.httpServer;
  const http = () => request(server);

  const login = await http().post('/admin/login').send(ADMIN);
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const adminToken = login.body.data.token as string;
  const token = await strapi
    .service('admin::api-token')
    .create({ name: `test-${Date.now()}`, type: 'full-access', lifespan: null, description: '' });

  return {
    strapi,
    http,
    adminToken,
    apiToken: token.accessKey,
    stop: async () => {
      await strapi.destroy();
      await db.drop();
    },
  };
};

export type RoleAction = string | { action: string; conditions: string[] };

/** An admin user whose role holds exactly `actions` (optionally with RBAC conditions); returns its JWT. */
export const createAdminWithActions = async (app: TestApp, actions: RoleAction[]): Promise<string> => {
  return (await createAdminUser(app, actions)).token;
};

/** Same, returning the user's id and e-mail too. */
export const createAdminUser = async (app: TestApp, actions: RoleAction[]): Promise<{ token: string; id: number; email: string }> => {
  const suffix = crypto.randomBytes(4).toString('hex');
  const role = await app.strapi
    .service('admin::role')
    .create({ name: `role-${suffix}`, description: 'test role' });
  if (actions.length) {
    await app.strapi
      .service('admin::role')
      .assignPermissions(
        role.id,
        actions.map((a) => (typeof a === 'string' ? { action: a, subject: null, properties: {}, conditions: [] } : { ...a, subject: null, properties: {} }))
      );
  }
  const email = `user-${suffix}@contacts.test`;
  const user = await app.strapi.service('admin::user').create({
    email,
    password: ADMIN.password,
    firstname: 'Role',
    lastname: suffix,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const login = await app.http().post('/admin/login').send({ email, password: ADMIN.password });
  return { token: login.body.data.token, id: user.id, email };
};

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
