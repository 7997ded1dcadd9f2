import * as yup from 'yup';
import { Cron } from 'croner';
import { EVERY_MINUTES_MAX, EVERY_MINUTES_MIN, SCHEDULE_KINDS, type ScheduleRule } from '../constants';

/**
 * The one schedule rule (shared/schedules.ts): every N minutes, daily at
 * HH:MM or a cron expression, in a time zone. The plugin's own schedules are
 * written as text in its config (`every 15 minutes`, `daily at 03:00`, a cron
 * expression) and read into it; recurring imports and scheduled exports send
 * it as an object. Every due time is computed here, with croner.
 */
export type { ScheduleRule };

export class ScheduleRuleError extends Error {}

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

/** The cron expression a rule stands for; null for every N minutes (aligned on the clock, no time zone). */
export const cronOf = (rule: ScheduleRule): string | null => ('dailyAt' in rule ? dailyCron(rule.dailyAt) : 'cron' in rule ? rule.cron.trim().split(/\s+/).join(' ') : null);

const cronFor = (rule: ScheduleRule) => new Cron(cronOf(rule)!, { paused: true, timezone: rule.timezone || 'UTC' });

/**
 * What is wrong with a cron expression, or null. Five fields; six (seconds
 * first) only where `seconds` is allowed: a row's schedule is claimed by the
 * ticker, which looks every few seconds, so it keeps minute resolution.
 */
const cronProblem = (expression: string, seconds: boolean): string | null => {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5 && !(seconds && fields.length === 6)) {
    const wanted = seconds ? '5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first' : '5 fields (minute hour day-of-month month day-of-week)';
    return `cron must have ${wanted}, e.g. "*/30 * * * *"; "${expression}" has ${fields.length}`;
  }
  try {
    new Cron(fields.join(' '), { paused: true }).stop();
    return null;
  } catch (error) {
    return `cron "${expression}" cannot be read: ${(error as Error).message}`;
  }
};

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A rule written as text (the plugin's config): `every 15 minutes`,
 * `every 2 hours`, `daily at 03:00` or a cron expression (5 fields, or 6
 * with seconds first), in the server's time zone.
 */
export const parseScheduleRule = (text: string): ScheduleRule => {
  const value = String(text ?? '').trim();
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const every = /^every\s+(\d+)\s+(minute|minutes|hour|hours)$/i.exec(value);
  if (every) {
    const minutes = Number(every[1]) * (every[2].toLowerCase().startsWith('hour') ? 60 : 1);
    if (minutes < EVERY_MINUTES_MIN || minutes > EVERY_MINUTES_MAX) {
      throw new ScheduleRuleError(`"${value}": the interval must be between ${EVERY_MINUTES_MIN} minute and ${EVERY_MINUTES_MAX / 60} hours (a week)`);
    }
    return { everyMinutes: minutes };
  }
  const daily = /^daily\s+at\s+(\d{1,2}:\d{2})$/i.exec(value);
  if (daily) {
    const time = daily[1].padStart(5, '0');
    if (!hhmm.test(time)) throw new ScheduleRuleError(`"${value}": the time must be between 00:00 and 23:59`);
    return { dailyAt: time, timezone };
  }
  const fields = value.split(/\s+/);
  if (fields.length === 5 || fields.length === 6) {
    const problem = cronProblem(value, true);
    if (problem) throw new ScheduleRuleError(`"${value}" is not a valid cron expression (${problem})`);
    return { cron: fields.join(' '), timezone };
  }
  throw new ScheduleRuleError(`"${value}" is not a schedule: write "every 15 minutes", "daily at 03:00" or a cron expression such as "0 3 * * *"`);
};

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
  // croner looks strictly before a reference it cuts to the second: a second on, a due time equal to now counts.
  return cronFor(rule).previousRuns(1, new Date(now.getTime() + 1000))[0];
};

/** The first due time after `now` (the admin's "next run", the timers of the plugin's schedules). */
export const nextDue = (rule: ScheduleRule, now: Date): Date => {
  if ('everyMinutes' in rule) {
    const step = rule.everyMinutes * MINUTE;
    return new Date((Math.floor(now.getTime() / step) + 1) * step);
  }
  return cronFor(rule).nextRun(now)!;
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

/** A rule sent as an object (recurring imports, scheduled exports): minute resolution, messages named after its fields. */
export const scheduleSchema = yup
  .object({
    everyMinutes: yup
      .number()
      .typeError('schedule.everyMinutes must be a number of minutes')
      .integer('schedule.everyMinutes must be a whole number of minutes')
      .min(EVERY_MINUTES_MIN, `schedule.everyMinutes must be at least ${EVERY_MINUTES_MIN}`)
      .max(EVERY_MINUTES_MAX, `schedule.everyMinutes must be at most ${EVERY_MINUTES_MAX} (a week)`),
    dailyAt: yup.string().matches(hhmm, 'schedule.dailyAt must be a time HH:MM on 24 hours, e.g. 06:30'),
    cron: yup.string().test('cron', (v, ctx) => {
      const problem = v === undefined ? null : cronProblem(v, false);
      return problem ? ctx.createError({ message: `schedule.${problem}` }) : true;
    }),
    timezone: yup.string().test('zone', 'schedule.timezone must be an IANA time zone, e.g. Europe/Paris', (v) => v === undefined || validZone(v)),
  })
  .noUnknown(true, (p) => `schedule: unknown property ${p.unknown}`)
  .test('one', `schedule needs exactly one of: ${SCHEDULE_KINDS.join(', ')}`, (v) => !!v && SCHEDULE_KINDS.filter((k) => (v as any)[k] !== undefined).length === 1)
  .default(undefined);
