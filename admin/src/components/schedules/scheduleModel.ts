import { SCHEDULE_KINDS, SECRET_KEYS, type ScheduleKind, type ScheduleRule, type SecretKey } from '../../../../shared/schedules';
import type { SecretFlags, SecretsInput, SftpConnection } from '../../scheduleTypes';
import { DEFAULT_TIME_ZONE } from '../../utils/timeZones';

export { SCHEDULE_KINDS };

/** The schedule as the form edits it: one value per kind, so switching kinds loses nothing typed. */
export interface ScheduleForm {
  kind: ScheduleKind;
  everyMinutes: number | null;
  dailyAt: string;
  cron: string;
  timezone: string;
}

export const scheduleForm = (rule?: ScheduleRule | null): ScheduleForm => ({
  kind: rule && 'dailyAt' in rule ? 'dailyAt' : rule && 'cron' in rule ? 'cron' : 'everyMinutes',
  everyMinutes: rule && 'everyMinutes' in rule ? rule.everyMinutes : 60,
  dailyAt: rule && 'dailyAt' in rule ? rule.dailyAt : '06:00',
  cron: rule && 'cron' in rule ? rule.cron : '0 6 * * 1-5',
  timezone: rule?.timezone ?? DEFAULT_TIME_ZONE,
});

/** Every N minutes is aligned on the clock: a time zone means nothing to it. The server checks the values. */
export const ruleOf = (f: ScheduleForm): ScheduleRule => {
  if (f.kind === 'everyMinutes') return { everyMinutes: f.everyMinutes ?? 0 };
  if (f.kind === 'dailyAt') return { dailyAt: f.dailyAt.trim(), timezone: f.timezone };
  return { cron: f.cron.trim(), timezone: f.timezone };
};

/**
 * A write-only secret: `replace` shows an input (always, while nothing is
 * stored); otherwise the stored value is kept and the form only says it is set.
 */
export interface SecretState {
  replace: boolean;
  value: string;
}
export type SecretsForm = Record<SecretKey, SecretState>;

const FLAG: Record<SecretKey, keyof SecretFlags> = {
  password: 'hasPassword',
  headerValue: 'hasHeaderValue',
  privateKey: 'hasPrivateKey',
  passphrase: 'hasPassphrase',
};
export const isSecretSet = (flags: SecretFlags | undefined, key: SecretKey) => !!flags?.[FLAG[key]];

export const secretsForm = (flags?: SecretFlags): SecretsForm =>
  Object.fromEntries(SECRET_KEYS.map((k) => [k, { replace: !isSecretSet(flags, k), value: '' }])) as SecretsForm;

/**
 * What to send: a typed value for a secret the chosen login uses; null for a
 * stored one it no longer uses (switching from a password to a key drops the
 * password); nothing for a kept one. Undefined when nothing changes.
 */
export const secretsPayload = (form: SecretsForm, used: SecretKey[], flags?: SecretFlags): SecretsInput | undefined => {
  const out: SecretsInput = {};
  for (const key of SECRET_KEYS) {
    if (used.includes(key)) {
      if (form[key].replace && form[key].value) out[key] = form[key].value;
    } else if (isSecretSet(flags, key)) out[key] = null;
  }
  return Object.keys(out).length ? out : undefined;
};

export type SftpAuth = 'password' | 'key';

/** An SFTP server as the form edits it (a recurring import's source, a scheduled export's destination). */
export interface SftpForm {
  host: string;
  port: number | null;
  username: string;
  auth: SftpAuth;
  hostFingerprint: string;
}

export const sftpForm = (c?: Partial<SftpConnection> | null, flags?: SecretFlags): SftpForm => ({
  host: c?.host ?? '',
  port: c?.port ?? 22,
  username: c?.username ?? '',
  auth: isSecretSet(flags, 'privateKey') ? 'key' : 'password',
  hostFingerprint: c?.hostFingerprint ?? '',
});

export const sftpConnection = (f: SftpForm): SftpConnection => ({
  host: f.host.trim(),
  port: f.port ?? 22,
  username: f.username.trim(),
  hostFingerprint: f.hostFingerprint.trim() || null,
});

export const sftpSecrets = (auth: SftpAuth): SecretKey[] => (auth === 'key' ? ['privateKey', 'passphrase'] : ['password']);

/** Enough to connect: the host, the user and the chosen login's secret, typed or stored (`has`). */
export const sftpComplete = (f: SftpForm, has: (key: SecretKey) => boolean) => !!f.host.trim() && !!f.username.trim() && has(f.auth === 'key' ? 'privateKey' : 'password');

/** sftp://user@host:port/path, as people write it. */
export const sftpUrl = (c: SftpConnection, path: string) => `sftp://${c.username}@${c.host}${c.port && c.port !== 22 ? `:${c.port}` : ''}${path}`;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An edit sends only what changed: a new source makes the next file count as
 * new (its hash forgotten), a new schedule starts from now; saving a form
 * whose values are those already saved must do neither.
 */
export const changedOnly = <T extends Record<string, unknown>>(body: T, saved: Record<string, unknown>): Partial<T> =>
  Object.fromEntries(Object.entries(body).filter(([k, v]) => v !== undefined && !same(v, saved[k]))) as Partial<T>;
