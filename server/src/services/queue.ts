import type { Core } from '@strapi/strapi';
import { exportJobKind } from '../export/job';
import { createDbQueue } from '../queue/db-driver';
import { importJobKind } from '../queue/import-kind';
import { newLeaseOwner } from '../queue/owner';
import { createRuns, type Runs } from '../queue/runs';
import type { JobKind, JobQueue, QueueHealth } from '../queue/types';
import { getService } from '../utils/get-service';

/**
 * The job queue (imports, exports) of this Strapi process. Created lazily at bootstrap so the
 * plugin config is read once Strapi has loaded it.
 */
const createQueueService = ({ strapi }: { strapi: Core.Strapi }) => {
  let queue: JobQueue | null = null;
  let runs: Runs | null = null;
  const get = (): JobQueue => {
    if (!queue) {
      const cfg = strapi.config.get('plugin::contacts') as Record<string, any>;
      const kinds: JobKind[] = [
        importJobKind(strapi, {
          limit: cfg.parallelImportLimit,
          batchSize: cfg.batchSize,
          defaultCountry: cfg.defaultCountry,
          onFinished: (id, outcome) => getService('imports').finished(id, outcome),
        }),
        exportJobKind(strapi, {
          limit: cfg.parallelExportLimit,
          chunkSize: cfg.exportChunkSize,
          activityDays: cfg.activityDays,
          sheetRows: cfg.exportSheetRows ?? undefined,
          onEnded: (id, outcome) => getService('exports').ended(id, outcome),
        }),
      ];
      runs = createRuns(strapi, kinds, newLeaseOwner(), cfg.leaseSeconds);
      queue = createDbQueue(strapi, kinds, runs, { tickSeconds: cfg.queueTickSeconds });
    }
    return queue;
  };
  return {
    start: () => {
      if (process.env.CONTACTS_QUEUE_DISABLED === '1') return;
      get().start();
    },
    kick: () => get().kick(),
    /** Running jobs leave after their current batch and hand their lease over before the database closes. */
    stop: async () => {
      await queue?.stop();
      await runs?.drain();
    },
    running: (kind?: string) => queue?.running(kind) ?? [],
    health: (): QueueHealth => get().health(),
  };
};

export default createQueueService;
export type QueueService = ReturnType<typeof createQueueService>;
