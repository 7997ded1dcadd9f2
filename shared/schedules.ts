/**
 * Recurring imports and scheduled exports, declared once for the server, the
 * admin and the tests. No imports here: the admin bundle reads this file as it is.
 */

/**
 * The one schedule rule: every N minutes (aligned on the clock), daily at
 * HH:MM, or a cron expression; in `timezone` (IANA, default UTC). Recurring
 * imports and scheduled exports store it (5-field cron); the plugin's own
 * schedules are written as text in its config and read into it
 * (server/src/schedules/rule.ts, which computes every due time).
 */
export type ScheduleRule =
  | { everyMinutes: number; timezone?: string }
  | { dailyAt: string; timezone?: string }
  | { cron: string; timezone?: string };
export const SCHEDULE_KINDS = ['everyMinutes', 'dailyAt', 'cron'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];
/** Bounds of `everyMinutes` (a week at most). */
export const EVERY_MINUTES_MIN = 1;
export const EVERY_MINUTES_MAX = 7 * 24 * 60;

/** Where a recurring import reads its file. */
export const SOURCE_KINDS = ['url', 'sftp'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
/** Where a scheduled export goes: an SFTP directory, or only the exports history. */
export const DESTINATION_KINDS = ['sftp', 'history'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

/** Redirects a URL source may follow (each one checked like the first address). */
export const MAX_REDIRECTS = 5;

/**
 * A recurring import's run: `running` while its import is queued or runs;
 * `skipped-unchanged` when the file has the hash of the last successful run
 * and nothing of it is left to import; `skipped-busy` while the previous run's
 * import still runs.
 */
export const RECURRING_RUN_OUTCOMES = ['running', 'imported', 'skipped-unchanged', 'skipped-busy', 'failed'] as const;
export type RecurringRunOutcome = (typeof RECURRING_RUN_OUTCOMES)[number];
/** A scheduled export's run: `delivered` to SFTP, `done` when kept in the history only. */
export const EXPORT_RUN_OUTCOMES = ['running', 'delivering', 'delivered', 'done', 'failed'] as const;
export type ExportRunOutcome = (typeof EXPORT_RUN_OUTCOMES)[number];
/** Runs that have not ended yet (settled when their import or export ends). */
export const OPEN_RUN_OUTCOMES = ['running', 'delivering'] as const;
export const RUN_TRIGGERS = ['schedule', 'manual'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** Secrets never come back from the API: answers say which ones are set. */
export const SECRET_KEYS = ['password', 'headerValue', 'privateKey', 'passphrase'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

/*
 * The admin API's schedule shapes that the server reads as well as answers:
 * where a recurring import reads, where a scheduled export goes, and what
 * creating or changing one sends.
 */

/** An HTTPS (or HTTP) URL; basic auth when `username` is set, or one custom header (`headerName` + the secret `headerValue`). */
export interface UrlSource {
  kind: 'url';
  url: string;
  username?: string | null;
  headerName?: string | null;
}

/** An SFTP server; `hostFingerprint` ("SHA256:…", as `ssh-keygen -lf` prints it) pins its host key. */
export interface SftpConnection {
  host: string;
  port: number;
  username: string;
  hostFingerprint?: string | null;
}

/** `path`: a file, or a pattern in its last segment (`*`, `?`): the newest matching file is read. */
export interface SftpSource extends SftpConnection {
  kind: 'sftp';
  path: string;
}

export type SourceDefinition = UrlSource | SftpSource;

/** `fileName`: a template of `{name}`, `{date}`, `{datetime}`, `{ext}`; unset, the server's default. */
export type Destination = { kind: 'history' } | (SftpConnection & { kind: 'sftp'; directory: string; fileName?: string | null });

/** What an update sends: a value sets a secret, null (or "") removes it, an absent key keeps it. */
export type SecretsInput = Partial<Record<SecretKey, string | null>>;

/** Which secrets are stored: the values never come back. */
export interface SecretFlags {
  hasPassword: boolean;
  hasHeaderValue: boolean;
  hasPrivateKey: boolean;
  hasPassphrase: boolean;
  /** The stored secrets cannot be opened with the app's keys any more. */
  unreadable?: string;
}

/** What a connection test found. */
export interface ConnectionReport {
  ok: boolean;
  /** The file a run would read now (URL after redirects, or the SFTP path picked); absent for an export's directory, which is only listed. */
  file?: { name: string; size: number | null; modifiedAt?: string | null; origin: string };
  /** SFTP: the server's host key, to pin. */
  hostFingerprint?: string;
  error?: string;
}

/** POST /contacts/recurring-imports, PUT /contacts/recurring-imports/:id. */
export interface RecurringImportInput {
  name?: string;
  /** documentId of the import whose mapping and options the runs use (create only). */
  fromImport?: string;
  source?: SourceDefinition;
  credentials?: SecretsInput;
  schedule?: ScheduleRule;
  perRunCap?: number | null;
  enabled?: boolean;
  allowResubscribe?: boolean;
}

/** POST /contacts/scheduled-exports, PUT /contacts/scheduled-exports/:id. */
export interface ScheduledExportInput {
  name?: string;
  /** documentId of an export whose request to repeat (create only); or `request`, the body of POST /contacts/exports. */
  fromExport?: string;
  request?: Record<string, unknown>;
  destination?: Destination;
  credentials?: SecretsInput;
  schedule?: ScheduleRule;
  enabled?: boolean;
}
