import type { Core } from '@strapi/strapi';
import { claimOnce } from '../database/locks';
import type { RedisLink } from '../queue/redis';
import { createBullSchedules } from './bull';
import { createDbSchedules } from './db';
import { parseScheduleRule } from './rule';
import type { Schedule } from './types';

export { parseScheduleRule, ScheduleRuleError } from './rule';
export { startRowSchedules, stopRowSchedules } from './rows';
export type { Schedule };

export interface SchedulesOptions {
  /** Redis, when the queue has it: BullMQ job schedulers carry the schedules (the database lock while it is down). */
  redis: { link: RedisLink; url: string; prefix: string } | null;
  /** Only processes that run jobs run scheduled tasks (a `runJobs: false` instance leaves them to the workers). */
  runJobs: boolean;
}

/**
 * Recurring tasks that run once per due time across every instance:
 * `register(name, rule, task)` with `every N minutes`, `daily at HH:MM` or
 * a cron expression. With Redis, BullMQ job schedulers; without it (or while
 * it is down), each instance's timer and a row per due time in
 * `contacts_locks`, which only the first instance inserts.
 */
export const createSchedules = (strapi: Core.Strapi, opts: SchedulesOptions) => {
  const schedules: Schedule[] = [];
  let started = false;

  /**
   * Runs a due time once across every instance, whichever carried it (a
   * BullMQ job, or a timer while Redis is down or absent): the first to
   * insert the due time's row in `contacts_locks` runs it, so a due time the
   * database timers ran during a Redis outage is not run again when BullMQ
   * delivers it, and a redelivered BullMQ job does nothing.
   */
  const run = async (schedule: Schedule, due: number) => {
    const t = Date.now();
    try {
      if (!(await claimOnce(strapi.db.connection, `schedule:${schedule.name}:${new Date(due).toISOString()}`))) return;
      await schedule.task(due);
      strapi.log.info(`[contacts] schedule ${schedule.name} (due ${new Date(due).toISOString()}) ran in ${Date.now() - t} ms`);
    } catch (error) {
      strapi.log.warn(`[contacts] schedule ${schedule.name} (due ${new Date(due).toISOString()}): ${(error as Error).message}`);
    }
  };

  const db = createDbSchedules(strapi, run);
  const bull = opts.redis ? createBullSchedules(strapi, opts.redis.link, { redisUrl: opts.redis.url, prefix: opts.redis.prefix, runJobs: opts.runJobs }, run) : null;
  const useDb = (on: boolean) => {
    if (!started || !opts.runJobs) return;
    if (on) db.start(schedules);
    else db.stop();
  };
  opts.redis?.link.onChange((up) => {
    useDb(!up);
    if (up) void bull?.sync();
  });

  return {
    /** Adds a schedule (a bad rule throws a ScheduleRuleError saying how to write one); one name, one schedule. */
    register(name: string, rule: string, task: (due: number) => Promise<unknown>) {
      if (schedules.some((s) => s.name === name)) throw new Error(`schedule "${name}" is already registered`);
      schedules.push({ name, rule: parseScheduleRule(rule), task });
      if (started) this.start();
    },
    start() {
      started = true;
      bull?.start(schedules);
      if (opts.runJobs && (!opts.redis || (!opts.redis.link.ok && opts.redis.link.error))) db.start(schedules);
    },
    async stop() {
      started = false;
      db.stop();
      await bull?.stop();
    },
    names: () => schedules.map((s) => s.name),
  };
};
