'use strict';

const DEFAULT_EMAIL = 'admin@example.com';
const DEFAULT_PASSWORD = 'Contacts2026!';

/** Creates the first admin from DEMO_ADMIN_EMAIL / DEMO_ADMIN_PASSWORD when there is none. */
const ensureDemoAdmin = async (strapi) => {
  if (await strapi.service('admin::user').exists()) return null;
  const email = process.env.DEMO_ADMIN_EMAIL || DEFAULT_EMAIL;
  const password = process.env.DEMO_ADMIN_PASSWORD || DEFAULT_PASSWORD;
  const role = await strapi.service('admin::role').getSuperAdmin();
  if (!role) return null;
  await strapi.service('admin::user').create({
    email,
    password,
    firstname: 'Demo',
    lastname: 'Admin',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  strapi.log.info(`[playground] created the first admin: ${email}`);
  return email;
};

module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    await ensureDemoAdmin(strapi);
  },
};
