import type { DestinationKind, ExportRunOutcome, RecurringRunOutcome, RunTrigger, ScheduleRule, SecretKey } from '../../shared/schedules';
import type { ExportRequestBody } from './exportTypes';
import type { ImportCounters, ImportOptions, MappingEntry } from '../../shared/imports';

/*
 * The admin API's recurring import and scheduled export shapes, as the admin
 * reads them (server/src/services/recurring-imports.ts, scheduled-exports.ts
 * and schedules/present.ts answer them). The vocabularies come from shared/.
 */

export type { ScheduleRule };

/** Which secrets are stored: the values never come back. */
export interface SecretFlags {
  hasPassword: boolean;
  hasHeaderValue: boolean;
  hasPrivateKey: boolean;
  hasPassphrase: boolean;
  /** The stored secrets cannot be opened with the app's keys any more. */
  unreadable?: string;
}

/** What an update sends: a value sets a secret, null removes it, an absent key keeps it. */
export type SecretsInput = Partial<Record<SecretKey, string | null>>;

export interface SftpConnection {
  host: string;
  port: number;
  username: string;
  hostFingerprint?: string | null;
}

export type SourceDefinition =
  | { kind: 'url'; url: string; username?: string | null; headerName?: string | null }
  | (SftpConnection & { kind: 'sftp'; path: string });

export type Destination = { kind: 'history' } | (SftpConnection & { kind: 'sftp'; directory: string; fileName?: string | null });

export interface RunView<J> {
  id: number;
  trigger: RunTrigger;
  dueAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  outcome: RecurringRunOutcome | ExportRunOutcome;
  reason: string | null;
  hash: string | null;
  /** Recurring imports: the data rows this run took (from 0-based, to exclusive) of the file's total. */
  rows: { from: number; to: number | null; total: number | null } | null;
  details: Record<string, unknown>;
  /** The import or export the run made, while it is in the history. */
  job: J | null;
}

export interface RunImportJob {
  documentId: string;
  name: string;
  status: string;
  counters: ImportCounters;
}

export interface RunExportJob {
  documentId: string;
  name: string;
  status: string;
  rowCount: number;
  bytes: number;
}

interface ScheduleBase<J> {
  id: number;
  documentId: string;
  name: string;
  enabled: boolean;
  credentials: SecretFlags;
  schedule: ScheduleRule;
  lastRunAt: string | null;
  nextRunAt: string | null;
  lastRun: RunView<J> | null;
  createdBy: { id: number; firstname: string | null; lastname: string | null; email: string | null } | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface RecurringImportView extends ScheduleBase<RunImportJob> {
  source: SourceDefinition;
  /** The import whose mapping and options the runs use. */
  template: { documentId: string; name: string } | null;
  mapping: MappingEntry[];
  options: ImportOptions;
  perRunCap: number | null;
  allowResubscribe: boolean;
}

export interface ScheduledExportView extends ScheduleBase<RunExportJob> {
  request: Omit<ExportRequestBody, 'name' | 'notify'>;
  locale: string;
  destination: Destination;
}

export interface RecurringImportInput {
  name?: string;
  fromImport?: string;
  source?: SourceDefinition;
  credentials?: SecretsInput;
  schedule?: ScheduleRule;
  perRunCap?: number | null;
  enabled?: boolean;
  allowResubscribe?: boolean;
}

export interface ScheduledExportInput {
  name?: string;
  fromExport?: string;
  destination?: Destination;
  credentials?: SecretsInput;
  schedule?: ScheduleRule;
  enabled?: boolean;
}

/** What a connection test found: the file a run would read now (or, for an export, that the directory can be listed). */
export interface ConnectionReport {
  ok: boolean;
  file?: { name: string; size: number | null; modifiedAt?: string | null; origin: string };
  hostFingerprint?: string;
  error?: string;
}

export type { DestinationKind };
