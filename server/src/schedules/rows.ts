import type { Core } from '@strapi/strapi';
import { WEBHOOK_EVENTS } from '../constants';
import { claimOnce } from '../database/locks';
import { tables } from '../database/tables';
import { inBackground } from '../utils/background';
import { getService } from '../utils/get-service';
import { createScheduleTicker } from './ticker';

let ticker: ReturnType<typeof createScheduleTicker> | null = null;

/** Import or export id of an event's documentId. */
const idOf = async (strapi: Core.Strapi, table: string, documentId: unknown) =>
  typeof documentId === 'string' ? ((await strapi.db.connection(table).where({ document_id: documentId }).first('id'))?.id as number | undefined) : undefined;

/**
 * The schedules of rows made at runtime (recurring imports, scheduled
 * exports), beside the plugin's named ones (index.ts): on every instance
 * that runs jobs, a ticker reads the enabled rows, asks rule.ts for each
 * one's due time and claims it once (contacts_locks). The end of an import
 * or export (the webhook events, on the process that ran it) settles its run
 * at once; the ticker's sweep settles the ones whose process died or that
 * ended without an event (a stopped import).
 */
export const startRowSchedules = (strapi: Core.Strapi) => {
  const recurring = () => getService('recurring-imports');
  const scheduledExports = () => getService('scheduled-exports');
  const warn = (what: string) => (error: unknown) => {
    strapi.log.warn(`[contacts] ${what}: ${(error as Error)?.message ?? error}`);
  };

  const onImportEnd = async (payload: any) => {
    const id = await idOf(strapi, tables().imports, payload?.import?.documentId);
    if (id) await recurring().jobEnded(id);
  };
  const onExportEnd = async (payload: any) => {
    const id = await idOf(strapi, tables().exports, payload?.export?.documentId);
    if (id) await scheduledExports().jobEnded(id);
  };
  for (const event of [WEBHOOK_EVENTS.importFinished, WEBHOOK_EVENTS.importFailed]) strapi.eventHub.on(event, async (p: any) => {
      // Not awaited by the emitter's other listeners: a delivery may take a while.
      void inBackground(strapi, 'recurring import run', () => onImportEnd(p));
    });
  for (const event of [WEBHOOK_EVENTS.exportFinished, WEBHOOK_EVENTS.exportFailed]) strapi.eventHub.on(event, async (p: any) => {
      void inBackground(strapi, 'scheduled export run', () => onExportEnd(p));
    });

  // A `runJobs: false` instance leaves scheduled work to the processes that run jobs, as the named schedules do.
  if (process.env.CONTACTS_QUEUE_DISABLED === '1' || !getService('queue').runsJobs()) return;
  const seconds = strapi.config.get('plugin::contacts.scheduleTickSeconds') as number;
  ticker = createScheduleTicker(
    [
      { list: () => recurring().scheduled(), run: (item: { id: number }, at: Date) => recurring().runDue(item.id, at) },
      { list: () => scheduledExports().scheduled(), run: (item: { id: number }, at: Date) => scheduledExports().runDue(item.id, at) },
    ],
    {
      everyMs: seconds * 1000,
      claim: (name) => claimOnce(strapi.db.connection, name),
      afterTick: async () => {
        await recurring().settleOpen();
        await scheduledExports().settleOpen();
      },
      onError: warn('schedules'),
    }
  );
  ticker.start();
};

export const stopRowSchedules = async () => {
  await ticker?.stop();
  ticker = null;
};
