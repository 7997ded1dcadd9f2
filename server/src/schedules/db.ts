import { Cron } from 'croner';
import type { Core } from '@strapi/strapi';
import { claimOnce } from '../database/locks';
import { dueTimeOf, type ScheduleRule } from './rule';
import type { Schedule } from './types';

/**
 * Schedules without Redis: every instance fires them (a cron timer for
 * patterns, whatever the app's `server.cron` says; an aligned timer for intervals) and the first to insert the
 * due time's row in `contacts_locks` runs it; the others see it taken.
 */
export const createDbSchedules = (strapi: Core.Strapi, run: (schedule: Schedule, due: number) => Promise<void>) => {
  const timers = new Map<string, NodeJS.Timeout>();
  const crons = new Map<string, Cron>();

  const fire = async (schedule: Schedule, rule: ScheduleRule) => {
    const due = dueTimeOf(rule, Date.now());
    if (!(await claimOnce(strapi.db.connection, `schedule:${schedule.name}:${new Date(due).toISOString()}`))) return;
    await run(schedule, due);
  };
  const fireSafely = (schedule: Schedule, rule: ScheduleRule) =>
    fire(schedule, rule).catch((error) => strapi.log.warn(`[contacts] schedule ${schedule.name}: ${(error as Error).message}`));

  /** Intervals are aligned on multiples of their length, so every instance wakes for the same due times. */
  const every = (schedule: Schedule, rule: { every: number }) => {
    const next = () => {
      const wait = rule.every - (Date.now() % rule.every);
      const timer = setTimeout(() => {
        void fireSafely(schedule, rule);
        next();
      }, wait);
      timer.unref();
      timers.set(schedule.name, timer);
    };
    next();
  };

  return {
    start(schedules: Schedule[]) {
      for (const schedule of schedules) {
        if (timers.has(schedule.name) || crons.has(schedule.name)) continue;
        const rule = schedule.rule;
        if ('every' in rule) every(schedule, rule);
        else crons.set(schedule.name, new Cron(rule.pattern, { unref: true }, () => void fireSafely(schedule, rule)));
      }
    },
    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      for (const cron of crons.values()) cron.stop();
      crons.clear();
    },
  };
};
