import type { Core } from '@strapi/strapi';
import { ACTION_VERBS, CAPABILITIES, PLUGIN_ID } from './constants';
import { getDialect } from './database/dialect';
import { getService } from './utils/get-service';

const capabilityLabels: Record<string, string> = {
  contacts: 'Contacts',
  fields: 'Fields',
  imports: 'Imports',
  segments: 'Segments',
  exports: 'Exports',
};

const registerPermissions = async (strapi: Core.Strapi) => {
  const actions = CAPABILITIES.flatMap((capability) =>
    ACTION_VERBS.map((verb) => ({
      section: 'plugins',
      displayName: `${verb[0].toUpperCase()}${verb.slice(1)}`,
      uid: `${capability}.${verb}`,
      subCategory: capabilityLabels[capability],
      pluginName: PLUGIN_ID,
    }))
  );
  actions.push({ section: 'plugins', displayName: 'Settings', uid: 'settings', subCategory: 'Settings', pluginName: PLUGIN_ID });
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
};

/** Unique indexes Strapi does not create from `unique: true`; idempotent on all three databases. */
const ensureIndexes = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const dialect = getDialect();
  await dialect.ensureUniqueIndex(knex, 'contacts_contacts', 'contacts_contacts_email_uq', 'email');
  await dialect.ensureUniqueIndex(knex, 'contacts_contacts', 'contacts_contacts_mobile_uq', 'mobile', { whereNotNull: true });
  await dialect.ensureUniqueIndex(knex, 'contacts_fields', 'contacts_fields_key_uq', 'key');
};

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerPermissions(strapi);
  await ensureIndexes(strapi);
  await getService('fields').seedBuiltIns();
};

export default bootstrap;
