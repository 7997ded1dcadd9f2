import type { FieldType, ImportMode, ImportProblemLevel, ImportStatus, OptIn, UniqueKey } from '../../shared/constants';

/*
 * The admin API's import shapes, as the admin reads them (server/src/import/types.ts
 * and present.ts answer them). Written here because the admin bundle never
 * imports server code; the vocabularies themselves come from shared/.
 */

/** What sniffing the source found. */
export interface Detected {
  format: 'csv' | 'xlsx';
  encoding: string;
  bom: boolean;
  delimiter: string;
  hasHeader: boolean;
  /** Header texts, or "Column 1" … without a header row. */
  columns: string[];
  /** Up to 10 data rows, cells as text. */
  sample: string[][];
  rowEstimate: number;
  sheets?: string[];
  sheet?: string;
}

export interface ImportOptions {
  delimiter?: string;
  encoding?: string;
  hasHeader?: boolean;
  sheet?: string;
  mode: ImportMode;
  /** Unset: rows match on the base's unicity key (Settings). */
  uniqueKey?: UniqueKey;
  segmentIds: string[];
  tags: string[];
  owner?: string | number | null;
  /** Order of day and month; the draft starts with the one the sample showed (null: it showed none). */
  dateFormat?: string | null;
  decimalComma?: boolean;
  defaultCountry?: string;
  emptyClears?: boolean;
  allowResubscribe?: boolean;
  /** Opt-ins of new contacts the file gives none for; null/unset: unknown. */
  defaultEmailOptIn?: OptIn | null;
  defaultSmsOptIn?: OptIn | null;
  /** Required by the server when a default above is yes. */
  consentRecorded?: boolean;
  /** IANA zone of date-times written without one (server default UTC). */
  timezone?: string;
}

/** `column` is the header text, or the 0-based index without a header row. */
export type ColumnRef = string | number;

export type MappingEntry =
  /** `values`: an opt-in column's own words, e.g. { "Y": "yes", "N": "no" }. */
  | { column: ColumnRef; field: string; option?: string; values?: Record<string, OptIn> }
  | { column: ColumnRef; ignore: true }
  | { field: string; literal: unknown }
  | { column: ColumnRef; newField: { key: string; label: string; type: FieldType; options?: string[] } };

export interface ImportCounters {
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** Cells dropped from contacts that were still written; not part of processed. */
  warnings: number;
}

export interface ImportTimings {
  createdAt?: string;
  queuedAt?: string;
  startedAt?: string;
  finishedAt?: string;
  activeSeconds?: number;
  /** [minute since first start, rows processed in that minute] */
  perMinute?: Array<[number, number]>;
  runs?: number;
}

/** Where the suggested mapping of a draft came from. */
export interface MappingSource {
  kind: 'import' | 'saved';
  documentId: string;
  name: string;
  /** Columns of this file the earlier mapping covers… */
  matched: number;
  /** …out of the file's columns. */
  columns: number;
}

/** A row problem: `error` failed the row, `warning` dropped one cell of a contact that was kept. */
export interface ImportProblem {
  line: number;
  level: ImportProblemLevel;
  /** Header text (or field key); null for the whole row. */
  column: string | null;
  code: string;
  /** "code: sentence" in the requested locale. */
  reason: string;
  cells: string[];
}

export type DryRunCounters = Omit<ImportCounters, 'total'> & { total: number };

/** The whole-file check of a draft, as the detail page summarises it. */
export interface DryRunSummary {
  status: 'running' | 'done' | 'failed';
  counters: DryRunCounters;
  rowsRead: number;
  /** The check stopped at the server's previewMaxRows. */
  limited: boolean;
  startedAt?: string;
  finishedAt?: string | null;
  error?: string | null;
}

/** …and as the preview returns it, with its first problems. */
export interface DryRun extends DryRunSummary {
  problems: ImportProblem[];
}

/** GET /contacts/imports/:id. */
export interface ImportView {
  id: number;
  documentId: string;
  name: string;
  source: 'upload' | 'paste' | 'url' | 'sftp';
  status: ImportStatus;
  file: { name: string; size: number; mime: string | null } | null;
  detected: Detected | null;
  options: Partial<ImportOptions>;
  mapping: MappingEntry[];
  mappingSource: MappingSource | null;
  dryRun: DryRunSummary | null;
  counters: ImportCounters;
  progress: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
  timings: ImportTimings;
  error: string | null;
  createdBy: { id: number; firstname: string | null; lastname: string | null; email: string | null } | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** Detail only: the first problems, in line order. */
  firstErrors?: ImportProblem[];
}

/** One problem of a preview cell or row. */
export interface PreviewProblem {
  column: string | null;
  code: string;
  reason: string;
}

export interface PreviewRow {
  line: number;
  cells: string[];
  /** The contact as it would be stored; null when the row would fail. */
  contact: (Record<string, unknown> & { attributes?: Record<string, unknown>; tags?: string[] }) | null;
  /** What fails the row. */
  errors: PreviewProblem[];
  /** Cells dropped from a contact that is kept. */
  warnings: PreviewProblem[];
  /** How an ambiguous cell was read (e.g. a date). */
  notes: PreviewProblem[];
}

export interface ImportPreview {
  columns: string[];
  rows: PreviewRow[];
  /** Why fewer rows were read than asked for (a file of empty lines). */
  truncated?: string;
  dryRun: DryRun | null;
}

export interface ImportLimits {
  maxFileSize: number;
  extensions: string[];
}

/** A mapping saved under a name (GET /contacts/mappings). */
export interface SavedMapping {
  documentId: string;
  name: string;
  columns: string[];
  mapping: MappingEntry[];
  createdAt?: string;
}

/** What PUT /contacts/imports/:id accepts. */
export interface ImportPatch {
  name?: string;
  options?: Partial<ImportOptions>;
  mapping?: MappingEntry[];
  /** A saved mapping's documentId, applied to this file's columns. */
  useMapping?: string;
}
