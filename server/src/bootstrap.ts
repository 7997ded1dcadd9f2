import type { Core } from '@strapi/strapi';
import { ACTION_VERBS, CAPABILITIES, PLUGIN_ID, WEBHOOK_EVENTS } from './constants';
import { getDialect } from './database/dialect';
import { ensureHistoryTable } from './database/history';
import { claimOnce, ensureLocksTable } from './database/locks';
import { resetTables, tables } from './database/tables';
import { startScheduler } from './schedules';
import { ensureRunsTable } from './schedules/runs';
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
};

/** Expired drafts, the history cap and orphan upload folders (a crash mid-upload), at start and then hourly. */
const HOUSEKEEPING_MS = 3600_000;
let housekeepingTimer: NodeJS.Timeout | null = null;

const startHousekeeping = async (strapi: Core.Strapi) => {
  const run = () =>
    Promise.all([getService('imports').housekeeping(), getService('exports').housekeeping()]).catch((error) =>
      strapi.log.warn(`[contacts] housekeeping: ${(error as Error).message}`)
    );
  await run();
  housekeepingTimer = setInterval(run, HOUSEKEEPING_MS);
  housekeepingTimer.unref();
};

export const stopHousekeeping = () => {
  if (housekeepingTimer) clearInterval(housekeepingTimer);
  housekeepingTimer = null;
};

/**
 * The scheduled refresh of every dynamic segment, through Strapi's cron: it
 * fires on every instance, so each due minute is claimed in the database and
 * runs once.
 */
const scheduleSegmentRefresh = (strapi: Core.Strapi) => {
  const rule = strapi.config.get('plugin::contacts.segmentRefreshCron') as string | null;
  if (!rule || !(strapi as any).cron?.add) return;
  (strapi as any).cron.add({
    contactsSegmentRefresh: {
      options: { rule },
      task: async () => {
        const due = new Date().toISOString().slice(0, 16);
        if (!(await claimOnce(strapi.db.connection, `segments-refresh:${due}`))) return;
        await getService('segments')
          .refreshAll()
          .catch((error) => strapi.log.warn(`[contacts] scheduled segment refresh: ${(error as Error).message}`));
      },
    },
  });
};

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  resetTables();
  await registerPermissions(strapi);
  await ensureIndexes(strapi);
  await getService('fields').seedBuiltIns();
  await getService('segments').seedDefaults();
  registerWebhookEvents(strapi);
  await startHousekeeping(strapi);
  scheduleSegmentRefresh(strapi);
  // Contacts written before the folded copies existed get them in the background (criteria and the search read them).
  void getService('contacts')
    .backfillFolded()
    .catch((error) => strapi.log.warn(`[contacts] folded copies: ${(error as Error).message}`));
  getService('queue').start();
  startScheduler(strapi);
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
