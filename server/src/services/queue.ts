import type { Core } from '@strapi/strapi';
import { exportJobKind } from '../export/job';
import { createDbQueue } from '../queue/db-driver';
import type { JobQueue } from '../queue/types';
import { getService } from '../utils/get-service';

/**
 * The job queue (imports, exports) of this Strapi process. Created lazily at bootstrap so the
 * plugin config is read once Strapi has loaded it.
 */
const createQueueService = ({ strapi }: { strapi: Core.Strapi }) => {
  let queue: JobQueue | null = null;
  const get = (): JobQueue => {
    if (!queue) {
      const cfg = strapi.config.get('plugin::contacts') as Record<string, any>;
      queue = createDbQueue(strapi, {
        parallelImportLimit: cfg.parallelImportLimit,
        leaseSeconds: cfg.leaseSeconds,
        tickSeconds: cfg.queueTickSeconds,
        batchSize: cfg.batchSize,
        defaultCountry: cfg.defaultCountry,
        onFinished: (id, outcome) => getService('imports').finished(id, outcome),
        kinds: [
          exportJobKind(strapi, {
            limit: cfg.parallelExportLimit,
            chunkSize: cfg.exportChunkSize,
            activityDays: cfg.activityDays,
            sheetRows: cfg.exportSheetRows ?? undefined,
            onEnded: (id, outcome) => getService('exports').ended(id, outcome),
          }),
        ],
      });
    }
    return queue;
  };
  return {
    start: () => {
      if (process.env.CONTACTS_QUEUE_DISABLED === '1') return;
      get().start();
    },
    kick: () => get().kick(),
    stop: async () => queue?.stop(),
    running: (kind?: string) => queue?.running(kind) ?? [],
  };
};

export default createQueueService;
export type QueueService = ReturnType<typeof createQueueService>;
