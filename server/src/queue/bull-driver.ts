import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Core } from '@strapi/strapi';
import { claimJob } from './claim';
import { isAbandoned, leaseExpiresAt } from './owner';
import type { RedisLink } from './redis';
import { workerConnection } from './redis';
import type { Runs } from './runs';
import type { JobKind, JobQueue } from './types';

export interface BullQueueOptions {
  redisUrl: string;
  /** Key prefix of every BullMQ key (one per app sharing a Redis). */
  prefix: string;
  /** How often the job rows are compared with the BullMQ jobs (a row whose job was lost gets one again). */
  tickSeconds: number;
  /** false: this process only enqueues (Strapi instances in front of `strapi-contacts worker` processes). */
  runJobs: boolean;
}

interface JobData {
  kind: string;
  id: number;
}

/** One BullMQ job per job row at a time: adding it again while it exists is a no-op (and it is removed once it ends). */
const jobIdOf = (kind: string, id: number) => `${kind}-${id}`;

/** A Redis call that would wait on a lost connection gives up: the tick after tells. */
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms).unref())]);

/**
 * BullMQ on Redis carries the jobs; the job rows stay the source of truth.
 * A BullMQ job only says "row N of this kind may have work": its worker
 * claims the row's lease exactly as the database queue does (same limit,
 * same take-over), so a job delivered twice (a stalled worker's job is
 * redelivered) never runs a row twice and never counts a batch twice: the
 * lease check in each batch transaction decides. A job that cannot run yet
 * (no slot, or the row is leased by a live run elsewhere) waits as a
 * delayed BullMQ job and asks again.
 *
 * Every process compares the rows with the jobs each tick and adds the
 * missing ones (Redis flushed, an enqueue that failed), so no job is lost.
 * While Redis is down, processes that run jobs fall back to the database
 * queue (`fallback`); when it is back, new runs go through BullMQ again and
 * the fallback's runs finish where they are.
 */
export const createBullQueue = (strapi: Core.Strapi, kinds: JobKind[], runs: Runs, link: RedisLink, fallback: JobQueue, opts: BullQueueOptions): JobQueue => {
  const tickMs = opts.tickSeconds * 1000;
  const byName = new Map(kinds.map((k) => [k.name, k]));
  const queues = new Map(kinds.map((k) => [k.name, new Queue<JobData>(k.name, { connection: link.client, prefix: opts.prefix })]));
  // A connection problem is the link's to report, once.
  for (const q of queues.values()) q.on('error', () => undefined);
  let workers: Worker<JobData>[] = [];
  let timer: NodeJS.Timeout | null = null;
  let started = false;
  let scanning: Promise<void> | null = null;

  /** Adds a BullMQ job for every runnable or running row of each kind (existing ones stay as they are). */
  const scan = async () => {
    if (!link.ok) return;
    for (const kind of kinds) {
      const queue = queues.get(kind.name)!;
      const rows = await kind.rows.active();
      // Waiting rows beyond the free slots show it (imports: `delayed`), as with the database queue.
      let slots = kind.limit - rows.filter((r) => r.status === 'in_progress').length;
      for (const r of rows.filter((x) => x.status !== 'in_progress')) if (slots-- <= 0 && r.status === 'queued' && kind.rows.delay) await kind.rows.delay(r.id);
      // Redis keeps the limit too, so BullMQ hands over no more jobs than may run (a flushed Redis gets it back here).
      await within(queue.setGlobalConcurrency(kind.limit), 5000);
      if (!rows.length) continue;
      await within(
        queue.addBulk(rows.map((r) => ({ name: kind.name, data: { kind: kind.name, id: r.id }, opts: { jobId: jobIdOf(kind.name, r.id), removeOnComplete: true, removeOnFail: true } }))),
        5000
      );
    }
  };
  const kick = () => {
    if (!started || scanning) return;
    scanning = scan()
      .catch((error) => {
        strapi.log.warn(`[contacts] queue tick (Redis): ${(error as Error).message}`);
      })
      .finally(() => {
        scanning = null;
      });
  };

  /** The job asks again at `at` (a delayed BullMQ job, not a failure). */
  const later = async (job: Job<JobData>, token: string | undefined, ms: number): Promise<never> => {
    await job.moveToDelayed(Date.now() + Math.max(ms, 50), token);
    throw new DelayedError();
  };

  const processor = async (job: Job<JobData>, token?: string) => {
    const kind = byName.get(job.data.kind);
    if (!kind) return 'unknown kind';
    const id = job.data.id;
    const row = (await kind.rows.active()).find((r) => r.id === id);
    // Finished, stopped, failed or deleted: nothing left to run.
    if (!row) return 'nothing to run';
    // This process already runs it (through the database queue while Redis was down).
    if (runs.has(kind.name, id)) return later(job, token, tickMs);
    if (row.status === 'in_progress' && !isAbandoned(row, runs.owner)) {
      // A live run elsewhere: ask again when its lease would expire, to take it over if its worker died.
      return later(job, token, Math.min(tickMs, leaseExpiresAt(row) - Date.now() + 250));
    }
    if (!(await claimJob(kind, row, runs.owner, runs.leaseMs))) {
      if (row.status === 'queued' && kind.rows.delay) await kind.rows.delay(id);
      return later(job, token, tickMs);
    }
    const outcome = await runs.run(kind, id, (p) => void job.updateProgress(p).catch(() => undefined));
    // Left (shutdown, or the lease went elsewhere): back in the queue, for whoever may run it next.
    if (outcome === 'left') return later(job, token, 0);
    // Its slot is free: the next waiting row's job (if its enqueue was lost) is added now.
    kick();
    return outcome;
  };

  const startWorkers = () => {
    workers = kinds.map((kind) => {
      const worker = new Worker<JobData>(kind.name, processor, {
        connection: workerConnection(opts.redisUrl),
        prefix: opts.prefix,
        concurrency: kind.limit,
        // The lock follows the database lease: a batch of several seconds, even one that keeps
        // the event loop busy, never looks stalled; a dead worker's job is redelivered within ~1.5 leases.
        lockDuration: runs.leaseMs,
        stalledInterval: Math.max(1000, runs.leaseMs / 2),
        // Redelivery is harmless (the lease decides); a job past this is dropped and the tick adds it again.
        maxStalledCount: 10,
        removeOnComplete: { count: 0 },
        removeOnFail: { count: 0 },
      });
      worker.on('error', () => undefined);
      worker.on('failed', (job, error) => {
        if (job) strapi.log.warn(`[contacts] ${kind.name} ${job.data.id}: BullMQ job failed (${error.message}); the next tick enqueues it again`);
      });
      return worker;
    });
  };

  const useRedis = (up: boolean) => {
    if (!started || !opts.runJobs) return;
    if (up) {
      void fallback.stop();
      kick();
    } else fallback.start();
  };
  link.onChange((up) => {
    useRedis(up);
    if (up) kick();
  });

  return {
    start() {
      if (started) return;
      started = true;
      if (opts.runJobs) {
        runs.startHeartbeat();
        startWorkers();
        if (!link.ok && link.error) fallback.start();
      }
      timer = setInterval(kick, tickMs);
      timer.unref();
      kick();
    },
    kick() {
      kick();
      if (!link.ok) fallback.kick();
    },
    async stop() {
      started = false;
      if (timer) clearInterval(timer);
      timer = null;
      await fallback.stop();
      await scanning;
      // Runs leave after their current batch while the workers wait for their jobs to settle.
      await Promise.all([runs.drain(), ...workers.map((w) => w.close())]);
      workers = [];
      await Promise.all(Array.from(queues.values()).map((q) => q.close().catch(() => undefined)));
    },
    running: (kind = 'import') => runs.ids(kind),
    health: () => ({
      queue: link.ok ? 'redis' : 'database',
      runsJobs: opts.runJobs,
      redis: { ok: link.ok, error: link.error, since: link.since },
    }),
  };
};
