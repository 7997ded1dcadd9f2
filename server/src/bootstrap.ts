import type { Core } from '@strapi/strapi';
import { ACTION_VERBS, CAPABILITIES, PLUGIN_ID, WEBHOOK_EVENTS } from './constants';
import { getDialect } from './database/dialect';
import { ensureHistoryTable } from './database/history';
import { ensureLocksTable } from './database/locks';
import { resetTables, tables } from './database/tables';
import { startRowSchedules } from './schedules';
import { ensureRunsTable } from './schedules/runs';
import { createRefreshJobs, ensureRefreshJobsTable } from './segments/refresh-jobs';
import { inBackground } from './utils/background';
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
  const t = tables();
  // The unicity key unique, the other key column indexed (Settings → uniqueKey).
  await getService('settings').ensureIndexes();
  await dialect.ensureUniqueIndex(knex, t.fields, `${t.fields}_key_uq`, 'key');
  // The admin list's default order (most recently updated first) without sorting the table.
  await dialect.ensureIndex(knex, t.contacts, `${t.contacts}_updated_idx`, [t.contactSystem.updatedAt, 'id']);
  // The quick search reads this narrow index instead of the wide rows (a scan of it: ~90 ms at 1M contacts on SQLite).
  if (dialect.indexesText) await dialect.ensureIndex(knex, t.contacts, `${t.contacts}_search_idx`, [t.contactColumns.search]);
  // Import bookkeeping read by import id (errors CSV, history cap) and by contact (history).
  await dialect.ensureIndex(knex, t.errors, `${t.errors}_import_idx`, ['import_id', 'line']);
  await ensureHistoryTable(knex);
  await ensureLocksTable(knex);
  await ensureRunsTable(knex);
  await ensureRefreshJobsTable(knex);
};

/** Expired drafts, the history cap and orphan upload folders (a crash mid-upload): at start, then hourly once across instances. */
const housekeeping = (strapi: Core.Strapi) =>
  Promise.all([getService('imports').housekeeping(), getService('exports').housekeeping(), createRefreshJobs(strapi).prune()]).catch((error) =>
    strapi.log.warn(`[contacts] housekeeping: ${(error as Error).message}`)
  );

/**
 * The plugin's schedules, each run once per due time across every instance
 * (BullMQ job schedulers with Redis, a row per due time in contacts_locks
 * without): the history pruning and the refresh of every dynamic segment.
 */
const registerSchedules = (strapi: Core.Strapi) => {
  const schedules = getService('schedules');
  schedules.register('housekeeping', 'every 60 minutes', () => housekeeping(strapi));
  const refresh = strapi.config.get('plugin::contacts.segmentRefreshCron') as string | null;
  if (refresh) schedules.register('segments-refresh', refresh, () => getService('segments').requestRefreshAll());
  schedules.start();
};

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  resetTables();
  await registerPermissions(strapi);
  await ensureIndexes(strapi);
  await getService('fields').seedBuiltIns();
  await getService('segments').seedDefaults();
  registerWebhookEvents(strapi);
  await housekeeping(strapi);
  // Contacts written before the folded copies existed get them in the background (criteria and the search read them).
  void inBackground(strapi, 'folded copies', () => getService('contacts').backfillFolded());
  getService('queue').start();
  registerSchedules(strapi);
  startRowSchedules(strapi);
};

/** Lets Settings → Webhooks subscribe to the plugin's events. */
const registerWebhookEvents = (strapi: Core.Strapi) => {
  const store = strapi.get('webhookStore');
  store.addAllowedEvent('CONTACTS_IMPORT_FINISHED', WEBHOOK_EVENTS.importFinished);
  store.addAllowedEvent('CONTACTS_IMPORT_FAILED', WEBHOOK_EVENTS.importFailed);
  store.addAllowedEvent('CONTACTS_EXPORT_FINISHED', WEBHOOK_EVENTS.exportFinished);
  store.addAllowedEvent('CONTACTS_EXPORT_FAILED', WEBHOOK_EVENTS.exportFailed);
};

export default bootstrap;
