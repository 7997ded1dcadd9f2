import type { Core } from '@strapi/strapi';
import { exportJobKind } from '../export/job';
import { createBullQueue } from '../queue/bull-driver';
import { createDbQueue } from '../queue/db-driver';
import { importJobKind } from '../queue/import-kind';
import { newLeaseOwner } from '../queue/owner';
import { createRedisLink, type RedisLink } from '../queue/redis';
import { createRuns, type Runs } from '../queue/runs';
import type { JobKind, JobQueue, QueueHealth } from '../queue/types';
import { refreshJobKind } from '../segments/refresh-job';
import { getService } from '../utils/get-service';

/** The Redis URL the plugin uses: `redisUrl`, else the REDIS_URL environment variable; none: the database queue. */
export const redisUrlOf = (cfg: Record<string, any>): string | null => cfg.redisUrl || process.env.REDIS_URL || null;

/**
 * Whether this process runs jobs: `strapi-contacts worker` always does
 * (it sets CONTACTS_WORKER), a Strapi instance unless `runJobs: false`.
 */
export const runsJobs = (cfg: Record<string, any>) => process.env.CONTACTS_WORKER === '1' || cfg.runJobs !== false;

/**
 * The job queue (imports, exports) of this Strapi process: BullMQ when a Redis URL is
 * configured, else the database queue. Created lazily at bootstrap so the plugin config is
 * read once Strapi has loaded it.
 */
const createQueueService = ({ strapi }: { strapi: Core.Strapi }) => {
  let queue: JobQueue | null = null;
  let runs: Runs | null = null;
  let link: RedisLink | null = null;
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
        refreshJobKind(strapi),
        exportJobKind(strapi, {
          limit: cfg.parallelExportLimit,
          chunkSize: cfg.exportChunkSize,
          activityDays: cfg.activityDays,
          sheetRows: cfg.exportSheetRows ?? undefined,
          onEnded: (id, outcome) => getService('exports').ended(id, outcome),
        }),
      ];
      runs = createRuns(strapi, kinds, newLeaseOwner(), cfg.leaseSeconds);
      const runJobs = runsJobs(cfg);
      const db = createDbQueue(strapi, kinds, runs, { tickSeconds: cfg.queueTickSeconds });
      const redisUrl = redisUrlOf(cfg);
      if (redisUrl) {
        link = createRedisLink(strapi, redisUrl);
        queue = createBullQueue(strapi, kinds, runs, link, db, { redisUrl, prefix: cfg.redisPrefix, tickSeconds: cfg.queueTickSeconds, runJobs });
      } else {
        // Without Redis, a process that only enqueues leaves the rows to the workers' ticks.
        queue = runJobs ? db : { ...db, start: () => undefined, kick: () => undefined, health: () => ({ queue: 'database', runsJobs: false }) };
      }
    }
    return queue;
  };
  return {
    start: () => {
      if (process.env.CONTACTS_QUEUE_DISABLED === '1') return;
      get().start();
    },
    // Before a start there is nothing to look for; after a stop, nothing to open again.
    kick: () => queue?.kick(),
    /** Running jobs leave after their current batch and hand their lease over before the database closes. */
    stop: async () => {
      await queue?.stop();
      await runs?.drain();
      await link?.close();
      // A later start (tests, a restarted worker) opens everything anew.
      queue = null;
      runs = null;
      link = null;
    },
    running: (kind?: string) => queue?.running(kind) ?? [],
    health: (): QueueHealth => get().health(),
    /** The Redis the queue uses (the schedules use it too), or null for the database queue. */
    redis: () => {
      get();
      const cfg = strapi.config.get('plugin::contacts') as Record<string, any>;
      const url = redisUrlOf(cfg);
      return link && url ? { link, url, prefix: cfg.redisPrefix as string } : null;
    },
    runsJobs: () => runsJobs(strapi.config.get('plugin::contacts') as Record<string, any>),
  };
};

export default createQueueService;
export type QueueService = ReturnType<typeof createQueueService>;
