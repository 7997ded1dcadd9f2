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

/** Without SMTP (config/plugins.js), e-mails go to the log: the demo shows subscription links and import notices. */
const logEmails = (strapi) => {
  if (process.env.SMTP_HOST || !strapi.plugin('email')) return;
  strapi.plugin('email').provider = {
    async send(options) {
      strapi.log.info(`[playground] e-mail to ${options.to}: ${options.subject}\n${options.text ?? ''}`);
    },
  };
};

module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    logEmails(strapi);
    await ensureDemoAdmin(strapi);
  },
};
