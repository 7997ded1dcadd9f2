import { Cron } from 'croner';

/**
 * When a schedule is due, as people write it: `every 15 minutes`,
 * `daily at 03:00` (server time) or a cron expression (5 fields, or 6 with
 * seconds first). Parsed once, into what both carriers (Strapi's cron with a
 * database lock, BullMQ job schedulers) take.
 */
export type ScheduleRule = { every: number } | { pattern: string };

export class ScheduleRuleError extends Error {}

const MINUTE = 60_000;

export const parseScheduleRule = (rule: string): ScheduleRule => {
  const text = String(rule ?? '').trim();
  const every = /^every\s+(\d+)\s+(minute|minutes|hour|hours)$/i.exec(text);
  if (every) {
    const n = Number(every[1]);
    if (n < 1) throw new ScheduleRuleError(`"${text}": the interval must be at least 1`);
    return { every: n * (every[2].toLowerCase().startsWith('hour') ? 60 * MINUTE : MINUTE) };
  }
  const daily = /^daily\s+at\s+(\d{1,2}):(\d{2})$/i.exec(text);
  if (daily) {
    const [h, m] = [Number(daily[1]), Number(daily[2])];
    if (h > 23 || m > 59) throw new ScheduleRuleError(`"${text}": the time must be between 00:00 and 23:59`);
    return { pattern: `${m} ${h} * * *` };
  }
  const fields = text.split(/\s+/);
  if (fields.length === 5 || fields.length === 6) {
    try {
      new Cron(fields.join(' '), { paused: true }).stop();
      return { pattern: fields.join(' ') };
    } catch (error) {
      throw new ScheduleRuleError(`"${text}" is not a valid cron expression (${(error as Error).message})`);
    }
  }
  throw new ScheduleRuleError(`"${text}" is not a schedule: write "every 15 minutes", "daily at 03:00" or a cron expression such as "0 3 * * *"`);
};

/** The due time a run stands for: what every instance computes alike for one firing. */
export const dueTimeOf = (rule: ScheduleRule, firedAt: number) => {
  if ('every' in rule) return Math.round(firedAt / rule.every) * rule.every;
  // Cron fires on whole minutes (or seconds with 6 fields): instances woken a few ms apart agree.
  const unit = rule.pattern.split(' ').length === 6 ? 1000 : MINUTE;
  return Math.round(firedAt / unit) * unit;
};
