import * as yup from 'yup';
import parser from 'cron-parser';
import { EVERY_MINUTES_MAX, EVERY_MINUTES_MIN, SCHEDULE_KINDS, type ScheduleRule } from '../constants';

export type { ScheduleRule };

const MINUTE = 60_000;

const validZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** A daily time as cron: minute and hour. */
const dailyCron = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return `${m} ${h} * * *`;
};

/** Five fields (minute resolution: each due time is claimed by its minute), no seconds field. */
const cronProblem = (expression: string): string | null => {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return `cron must have 5 fields (minute hour day-of-month month day-of-week), e.g. "*/30 * * * *"; "${expression}" has ${fields.length}`;
  try {
    parser.parseExpression(expression);
    return null;
  } catch (error) {
    return `cron "${expression}" cannot be read: ${(error as Error).message}`;
  }
};

const cronOf = (rule: ScheduleRule): string | null => ('dailyAt' in rule ? dailyCron(rule.dailyAt) : 'cron' in rule ? rule.cron : null);

/**
 * The latest due time at or before `now`. Every N minutes is aligned on the
 * clock (multiples of N minutes since the epoch, like cron's `*\/N`), so every
 * instance computes the same due time without sharing anything.
 */
export const latestDue = (rule: ScheduleRule, now: Date): Date => {
  if ('everyMinutes' in rule) {
    const step = rule.everyMinutes * MINUTE;
    return new Date(Math.floor(now.getTime() / step) * step);
  }
  // prev() is strictly before its start: a due time equal to now counts.
  return parser.parseExpression(cronOf(rule)!, { currentDate: new Date(now.getTime() + 1), tz: rule.timezone || 'UTC' }).prev().toDate();
};

/** The first due time after `now` (the admin's "next run"). */
export const nextDue = (rule: ScheduleRule, now: Date): Date => {
  if ('everyMinutes' in rule) {
    const step = rule.everyMinutes * MINUTE;
    return new Date((Math.floor(now.getTime() / step) + 1) * step);
  }
  return parser.parseExpression(cronOf(rule)!, { currentDate: now, tz: rule.timezone || 'UTC' }).next().toDate();
};

/**
 * The due time to run now, or null: the latest due time if it is later than
 * the last one run (`since`; set to the creation time, so a new schedule does
 * not fire for times before it existed). Missed times while every instance was
 * down run once, not once each.
 */
export const due = (rule: ScheduleRule, since: Date, now: Date): Date | null => {
  const latest = latestDue(rule, now);
  return latest.getTime() > since.getTime() ? latest : null;
};

export const scheduleSchema = yup
  .object({
    everyMinutes: yup
      .number()
      .typeError('schedule.everyMinutes must be a number of minutes')
      .integer('schedule.everyMinutes must be a whole number of minutes')
      .min(EVERY_MINUTES_MIN, `schedule.everyMinutes must be at least ${EVERY_MINUTES_MIN}`)
      .max(EVERY_MINUTES_MAX, `schedule.everyMinutes must be at most ${EVERY_MINUTES_MAX} (a week)`),
    dailyAt: yup.string().matches(/^([01]\d|2[0-3]):[0-5]\d$/, 'schedule.dailyAt must be a time HH:MM on 24 hours, e.g. 06:30'),
    cron: yup.string().test('cron', (v, ctx) => {
      const problem = v === undefined ? null : cronProblem(v);
      return problem ? ctx.createError({ message: `schedule.${problem}` }) : true;
    }),
    timezone: yup.string().test('zone', 'schedule.timezone must be an IANA time zone, e.g. Europe/Paris', (v) => v === undefined || validZone(v)),
  })
  .noUnknown(true, (p) => `schedule: unknown property ${p.unknown}`)
  .test('one', `schedule needs exactly one of: ${SCHEDULE_KINDS.join(', ')}`, (v) => !!v && SCHEDULE_KINDS.filter((k) => (v as any)[k] !== undefined).length === 1)
  .default(undefined);
