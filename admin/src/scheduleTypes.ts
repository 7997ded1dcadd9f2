import type {
  Destination,
  ExportRunOutcome,
  RecurringRunOutcome,
  RunTrigger,
  ScheduleRule,
  SecretFlags,
  SourceDefinition,
} from '../../shared/schedules';
import type { ImportCounters, ImportOptions, MappingEntry } from '../../shared/imports';
import type { ExportRequest } from './exportTypes';
import type { Author } from '../../shared/authors';

/*
 * The admin API's recurring import and scheduled export answers, as the admin
 * reads them (server/src/services/recurring-imports.ts, scheduled-exports.ts
 * and schedules/present.ts answer them). The vocabularies, and the shapes the
 * server reads too (sources, destinations, inputs), come from shared/schedules.ts.
 */

export type {
  ConnectionReport,
  Destination,
  DestinationKind,
  RecurringImportInput,
  ScheduledExportInput,
  ScheduleRule,
  SecretFlags,
  SecretsInput,
  SftpConnection,
  SourceDefinition,
} from '../../shared/schedules';

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
  createdBy: Author | null;
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
  request: Omit<ExportRequest, 'name' | 'notify'>;
  locale: string;
  destination: Destination;
}

