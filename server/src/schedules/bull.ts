import { Queue, Worker } from 'bullmq';
import type { Core } from '@strapi/strapi';
import { workerConnection, type RedisLink } from '../queue/redis';
import { cronOf, latestDue, nextDue, type ScheduleRule } from './rule';
import type { Schedule } from './types';

const QUEUE = 'schedules';

/**
 * The rule as a BullMQ repeat: cron in the rule's time zone, or an interval
 * that starts at the rule's next due time, so BullMQ fires on the same
 * clock-aligned due times as the database timers (rule.ts) and both claim the same names.
 */
const repeatOf = (rule: ScheduleRule) =>
  'everyMinutes' in rule ? { every: rule.everyMinutes * 60_000, startDate: nextDue(rule, new Date()).getTime() } : { pattern: cronOf(rule)!, tz: rule.timezone || 'UTC' };

/**
 * Schedules with Redis: one BullMQ job scheduler per schedule (upserted by
 * every instance, kept once by Redis) makes one job per due time, which one
 * worker takes. Schedulers no instance registers any more are removed.
 */
export const createBullSchedules = (
  strapi: Core.Strapi,
  link: RedisLink,
  opts: { redisUrl: string; prefix: string; runJobs: boolean },
  run: (schedule: Schedule, due: number) => Promise<void>
) => {
  const queue = new Queue(QUEUE, { connection: link.client, prefix: opts.prefix });
  queue.on('error', () => undefined);
  let worker: Worker | null = null;
  let registered: Schedule[] = [];

  const upsert = async () => {
    if (!link.ok) return;
    const names = new Set(registered.map((s) => s.name));
    for (const s of registered) {
      await queue.upsertJobScheduler(s.name, repeatOf(s.rule), { name: s.name, data: {} });
    }
    for (const existing of await queue.getJobSchedulers()) {
      if (existing.key && !names.has(existing.key)) await queue.removeJobScheduler(existing.key);
    }
  };
  const upsertSafely = () => upsert().catch((error) => strapi.log.warn(`[contacts] schedules (Redis): ${(error as Error).message}`));

  return {
    /** Upserts the schedulers (again after Redis comes back: a flushed Redis gets them back). */
    sync: upsertSafely,
    start(schedules: Schedule[]) {
      registered = schedules;
      void upsertSafely();
      if (!opts.runJobs || worker) return;
      worker = new Worker(
        QUEUE,
        async (job) => {
          const schedule = registered.find((s) => s.name === job.name);
          // The due time the job was planned for, as rule.ts names it (a job that comes late still names its own).
          if (schedule) await run(schedule, latestDue(schedule.rule, new Date(Number(job.opts.prevMillis) || job.timestamp)).getTime());
        },
        { connection: workerConnection(opts.redisUrl), prefix: opts.prefix, concurrency: 4, removeOnComplete: { count: 0 }, removeOnFail: { count: 0 } }
      );
      worker.on('error', () => undefined);
    },
    async stop() {
      await worker?.close();
      worker = null;
      await queue.close().catch(() => undefined);
    },
  };
};
