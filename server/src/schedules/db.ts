import type { Core } from '@strapi/strapi';
import { inBackground } from '../utils/background';
import { nextDue } from './rule';
import type { Schedule } from './types';

/** Longest single wait: a far due time is re-armed from a fresh clock reading rather than one long timer. */
const MAX_WAIT_MS = 3600_000;

/**
 * Schedules without Redis: every instance arms a timer for each schedule's
 * next due time (rule.ts computes it alike everywhere); `run` claims the
 * due time, so the first instance runs it and the others see it taken.
 */
export const createDbSchedules = (strapi: Core.Strapi, run: (schedule: Schedule, due: number) => Promise<void>) => {
  const timers = new Map<string, NodeJS.Timeout>();

  const arm = (schedule: Schedule, after: number) => {
    const due = nextDue(schedule.rule, new Date(after)).getTime();
    const timer = setTimeout(() => {
      if (Date.now() < due) return arm(schedule, after);
      void inBackground(strapi, `schedule ${schedule.name}`, () => run(schedule, due));
      arm(schedule, Math.max(Date.now(), due));
    }, Math.min(due - Date.now(), MAX_WAIT_MS));
    timer.unref();
    timers.set(schedule.name, timer);
  };

  return {
    start(schedules: Schedule[]) {
      for (const schedule of schedules) if (!timers.has(schedule.name)) arm(schedule, Date.now());
    },
    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
};
