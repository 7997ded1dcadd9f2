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
