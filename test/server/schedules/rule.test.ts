import { dueTimeOf, parseScheduleRule, ScheduleRuleError } from '../../../server/src/schedules/rule';

describe('schedule rules', () => {
  it('reads intervals, daily times and cron expressions', () => {
    expect(parseScheduleRule('every 15 minutes')).toEqual({ every: 15 * 60_000 });
    expect(parseScheduleRule('Every 1 minute')).toEqual({ every: 60_000 });
    expect(parseScheduleRule('every 2 hours')).toEqual({ every: 2 * 3600_000 });
    expect(parseScheduleRule('daily at 03:05')).toEqual({ pattern: '5 3 * * *' });
    expect(parseScheduleRule(' 0 3 * * * ')).toEqual({ pattern: '0 3 * * *' });
    expect(parseScheduleRule('*/5 * * * * *')).toEqual({ pattern: '*/5 * * * * *' });
  });

  it('refuses what it cannot read, saying how to write it', () => {
    expect(() => parseScheduleRule('sometimes')).toThrow(/write "every 15 minutes", "daily at 03:00" or a cron expression/);
    expect(() => parseScheduleRule('daily at 25:00')).toThrow(/between 00:00 and 23:59/);
    expect(() => parseScheduleRule('every 0 minutes')).toThrow(ScheduleRuleError);
    expect(() => parseScheduleRule('99 * * * *')).toThrow(/not a valid cron expression/);
  });

  it('gives instances woken a few milliseconds apart the same due time', () => {
    const minute = Date.UTC(2026, 0, 1, 3, 0);
    const cron = parseScheduleRule('0 3 * * *');
    expect(dueTimeOf(cron, minute + 3)).toBe(dueTimeOf(cron, minute + 900));
    const every = parseScheduleRule('every 5 minutes');
    expect(dueTimeOf(every, minute + 5 * 60_000 + 20)).toBe(minute + 5 * 60_000);
  });
});
