import { createAddressPolicy, forbiddenReason, invalidAllowListEntries, resolveChecked } from '../../../server/src/sources/addresses';
import { createCipher } from '../../../server/src/secrets/cipher';
import { mergeSecrets } from '../../../server/src/secrets/credentials';
import { due, latestDue, nextDue, parseScheduleRule, scheduleSchema, ScheduleRuleError } from '../../../server/src/schedules/rule';
import { createScheduleTicker } from '../../../server/src/schedules/ticker';
import { remoteFileName } from '../../../server/src/services/scheduled-exports';

/** The pure parts of recurring work: schedules, the SSRF guard's address rules, the credentials cipher, the ticker's claim. */
const at = (iso: string) => new Date(iso);

describe('schedules', () => {
  it('aligns every N minutes on the clock, so every instance computes the same due time', () => {
    expect(latestDue({ everyMinutes: 30 }, at('2026-03-01T10:44:59Z')).toISOString()).toBe('2026-03-01T10:30:00.000Z');
    expect(latestDue({ everyMinutes: 30 }, at('2026-03-01T10:30:00Z')).toISOString()).toBe('2026-03-01T10:30:00.000Z');
    expect(nextDue({ everyMinutes: 30 }, at('2026-03-01T10:30:00Z')).toISOString()).toBe('2026-03-01T11:00:00.000Z');
  });

  it('reads daily times and cron expressions in their time zone', () => {
    // 06:30 in Paris is 05:30 UTC in winter, 04:30 in summer.
    expect(latestDue({ dailyAt: '06:30', timezone: 'Europe/Paris' }, at('2026-01-15T12:00:00Z')).toISOString()).toBe('2026-01-15T05:30:00.000Z');
    expect(latestDue({ dailyAt: '06:30', timezone: 'Europe/Paris' }, at('2026-07-15T12:00:00Z')).toISOString()).toBe('2026-07-15T04:30:00.000Z');
    expect(latestDue({ cron: '0 6 * * 1-5' }, at('2026-03-01T12:00:00Z')).toISOString()).toBe('2026-02-27T06:00:00.000Z'); // a Sunday: Friday's
  });

  it('is due once per due time after the last one run, and never for times before the schedule existed', () => {
    const rule = { everyMinutes: 30 };
    expect(due(rule, at('2026-03-01T10:07:00Z'), at('2026-03-01T10:20:00Z'))).toBeNull();
    expect(due(rule, at('2026-03-01T10:07:00Z'), at('2026-03-01T10:31:00Z'))?.toISOString()).toBe('2026-03-01T10:30:00.000Z');
    expect(due(rule, at('2026-03-01T10:30:00Z'), at('2026-03-01T10:59:00Z'))).toBeNull();
    // Down for hours: the latest due time runs once, not once per missed time.
    expect(due(rule, at('2026-03-01T10:30:00Z'), at('2026-03-01T15:10:00Z'))?.toISOString()).toBe('2026-03-01T15:00:00.000Z');
  });

  it('refuses schedules a person must fix, with what to write instead', async () => {
    const problem = async (v: unknown) => scheduleSchema.validate(v, { abortEarly: false }).then(() => null, (e) => e.errors.join('; '));
    expect(await problem({ everyMinutes: 30 })).toBeNull();
    expect(await problem({ cron: '*/15 * * * *', timezone: 'Europe/Paris' })).toBeNull();
    expect(await problem({ everyMinutes: 0 })).toMatch(/at least 1/);
    expect(await problem({ dailyAt: '25:00' })).toMatch(/HH:MM/);
    expect(await problem({ cron: '61 * * * *' })).toMatch(/cannot be read/);
    expect(await problem({ cron: '*/5 * * * * *' })).toMatch(/5 fields/);
    expect(await problem({ everyMinutes: 5, dailyAt: '06:00' })).toMatch(/exactly one/);
    expect(await problem({ dailyAt: '06:00', timezone: 'Mars/Olympus' })).toMatch(/IANA/);
  });

  it('reads the config\'s text rules into the same rule, in the server\'s time zone', () => {
    const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(parseScheduleRule('every 15 minutes')).toEqual({ everyMinutes: 15 });
    expect(parseScheduleRule('Every 1 minute')).toEqual({ everyMinutes: 1 });
    expect(parseScheduleRule('every 2 hours')).toEqual({ everyMinutes: 120 });
    expect(parseScheduleRule('daily at 3:05')).toEqual({ dailyAt: '03:05', timezone });
    expect(parseScheduleRule(' 0 3 * * * ')).toEqual({ cron: '0 3 * * *', timezone });
    expect(parseScheduleRule('*/5 * * * * *')).toEqual({ cron: '*/5 * * * * *', timezone });
  });

  it('refuses text it cannot read, saying how to write it', () => {
    expect(() => parseScheduleRule('sometimes')).toThrow(/write "every 15 minutes", "daily at 03:00" or a cron expression/);
    expect(() => parseScheduleRule('daily at 25:00')).toThrow(/between 00:00 and 23:59/);
    expect(() => parseScheduleRule('every 0 minutes')).toThrow(ScheduleRuleError);
    expect(() => parseScheduleRule('every 200 hours')).toThrow(/a week/);
    expect(() => parseScheduleRule('99 * * * *')).toThrow(/not a valid cron expression/);
  });

  it('gives every instance the same next due time, seconds included', () => {
    const t = Date.parse('2026-01-01T03:00:00Z');
    expect(nextDue({ everyMinutes: 5 }, new Date(t + 20)).getTime()).toBe(t + 5 * 60_000);
    expect(nextDue({ cron: '0 3 * * *', timezone: 'UTC' }, new Date(t)).toISOString()).toBe('2026-01-02T03:00:00.000Z');
    expect(nextDue({ cron: '*/5 * * * * *', timezone: 'UTC' }, new Date(t + 1200)).getTime()).toBe(t + 5000);
    expect(latestDue({ cron: '*/5 * * * * *', timezone: 'UTC' }, new Date(t + 7200)).getTime()).toBe(t + 5000);
  });
});

describe('the SSRF guard', () => {
  it('names loopback, private, link-local, CGNAT, metadata and "this network" addresses, in IPv4, IPv6 and IPv4-mapped forms', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.10.10', '100.64.0.1', '0.0.0.0', '::1', 'fc00::1', 'fd12::1', 'fe80::1', '::ffff:10.0.0.1', '::ffff:7f00:1']) {
      expect([a, forbiddenReason(a)]).toEqual([a, expect.any(String)]);
    }
    expect(forbiddenReason('169.254.169.254')).toMatch(/metadata/);
    expect(forbiddenReason('fd00:ec2::254')).toMatch(/metadata/);
    for (const a of ['93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8']) expect(forbiddenReason(a)).toBeNull();
  });

  it('lets through what the allow-list names: an IP, a CIDR range or a host name', () => {
    const policy = createAddressPolicy(['127.0.0.1', '10.0.0.0/8', 'files.internal']);
    expect(policy.refusal('127.0.0.1', '127.0.0.1')).toBeNull();
    expect(policy.refusal('x', '10.200.0.1')).toBeNull();
    expect(policy.refusal('files.internal', '192.168.0.5')).toBeNull();
    expect(policy.refusal('x', '127.0.0.2')).toMatch(/loopback/);
    expect(policy.refusal('x', '192.168.0.5')).toMatch(/private/);
    expect(invalidAllowListEntries(['10.0.0.0/8', 'host.example', '10.0.0.0/99', 'http://x'])).toEqual(['10.0.0.0/99', 'http://x']);
  });

  it('checks every address a name resolves to, and IP literals without a lookup', async () => {
    await expect(resolveChecked('127.0.0.1', createAddressPolicy([]))).rejects.toMatchObject({ failure: 'refused', message: expect.stringMatching(/sourceAllowList/) });
    await expect(resolveChecked('[::1]', createAddressPolicy([]))).rejects.toMatchObject({ failure: 'refused' });
    await expect(resolveChecked('127.0.0.1', createAddressPolicy(['127.0.0.1']))).resolves.toEqual([{ address: '127.0.0.1', family: 4 }]);
  });
});

describe('credentials at rest', () => {
  it('seals with AES-256-GCM: nothing readable, tampering detected, a rotated key list still opens', () => {
    const sealed = createCipher(['first-key', 'second']).seal({ password: 'hunter2' });
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('hunter2');
    expect(createCipher(['first-key']).open(sealed)).toEqual({ password: 'hunter2' });
    expect(createCipher(['new-key', 'first-key']).open(sealed)).toEqual({ password: 'hunter2' });
    expect(() => createCipher(['other']).open(sealed)).toThrow(/cannot be decrypted/);
    const parts = sealed.split(':');
    parts[3] = Buffer.from('x'.repeat(20)).toString('base64');
    expect(() => createCipher(['first-key']).open(parts.join(':'))).toThrow();
  });

  it('merges an update: a value sets, null removes, absent keeps', () => {
    expect(mergeSecrets({ password: 'a', privateKey: 'k' }, { password: 'b', privateKey: null })).toEqual({ password: 'b' });
    expect(mergeSecrets({ password: 'a' }, undefined)).toEqual({ password: 'a' });
  });
});

describe('the ticker', () => {
  it('runs a due time once across several instances sharing the claim', async () => {
    const claimed = new Set<string>();
    const ran: string[] = [];
    const claim = async (name: string) => (claimed.has(name) ? false : (claimed.add(name), true));
    const item = { key: 'k', rule: { everyMinutes: 1 }, since: new Date(Date.now() - 120_000) };
    const tickers = [1, 2, 3].map((n) =>
      createScheduleTicker([{ list: async () => [item], run: async (_i: unknown, dueAt: Date) => void ran.push(`${n}@${dueAt.toISOString()}`) }], { everyMs: 1000, claim, onError: (e) => { throw e; } })
    );
    await Promise.all(tickers.map((t) => t.tick()));
    await Promise.all(tickers.map((t) => t.tick()));
    expect(ran).toHaveLength(1);
  });

  it('names delivered files from the schedule', () => {
    expect(remoteFileName(null, 'Pro customers', 'csv', new Date('2026-03-01T06:05:09Z'))).toBe('Pro_customers-20260301-060509.csv');
    expect(remoteFileName('base-{date}.{ext}', 'x', 'xlsx', new Date('2026-03-01T06:05:09Z'))).toBe('base-2026-03-01.xlsx');
  });
});
