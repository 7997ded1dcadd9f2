import type { FieldType, ImportMode, ImportProblemLevel, ImportSource, ImportStatus, OptIn, UniqueKey } from './constants';
import type { Author } from './authors';

/**
 * The admin API's import contract, declared once: the server answers with
 * these shapes (import/present.ts, services/imports.ts and mappings.ts) and
 * the admin reads them. What only the server's stages hold (source rows, the
 * cursor, problems before they are put into words) extends them in
 * server/src/import/types.ts. No imports but shared/: the admin bundle reads
 * this file as it is.
 */

/** Delimiters an import reads (the sniffer tries them in this order after the file extension's). */
export const IMPORT_DELIMITERS = [',', ';', '\t', '|'] as const;
/** File extensions the upload accepts. */
export const IMPORT_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'] as const;

/** What sniffing a source found; every value can be overridden in the import options. */
export interface Detected {
  format: 'csv' | 'xlsx';
  /** iconv-lite encoding name: utf-8, windows-1252, iso-8859-1, utf-16le, utf-16be … */
  encoding: string;
  bom: boolean;
  delimiter: string;
  hasHeader: boolean;
  /** Header texts, or "Column 1" … when there is no header row. */
  columns: string[];
  /** Up to 10 data rows (after the header), cells as text. */
  sample: string[][];
  /** Estimated data rows (exact for small sources). */
  rowEstimate: number;
  /** XLSX only. */
  sheets?: string[];
  sheet?: string;
}

/** Options of one import (PATCH /contacts/imports/:id `options`; server/src/import/options.ts checks them). */
export interface ImportOptions {
  delimiter?: string;
  encoding?: string;
  hasHeader?: boolean;
  sheet?: string;
  mode: ImportMode;
  /** What rows are matched on: the base's unicity key (Settings) by default, or the other column. */
  uniqueKey?: UniqueKey;
  segmentIds: string[];
  tags: string[];
  /** Admin user id set as the owner of every imported contact. */
  owner?: string | number | null;
  /**
   * Day/month order of dates that are not ISO 8601, e.g. DD/MM/YYYY, MM/DD/YYYY,
   * YYYY/MM/DD (separators / - . accepted); a draft starts with the one its
   * sample showed (null: it showed none).
   */
  dateFormat?: string | null;
  /** Read "1,5" as 1.5 in decimal fields. */
  decimalComma?: boolean;
  defaultCountry?: string;
  /** An empty cell clears the stored value (default: it is ignored). */
  emptyClears?: boolean;
  /** An import may set an opt-in back to "yes" from "no"/"blocklist". */
  allowResubscribe?: boolean;
  /** Opt-ins of NEW contacts whose file gives none (empty cell or no column); null/unset: unknown. */
  defaultEmailOptIn?: OptIn | null;
  defaultSmsOptIn?: OptIn | null;
  /** The person confirmed that the file records consent: required to default an opt-in to yes. */
  consentRecorded?: boolean;
  /** IANA zone of date-times written without one (default UTC). */
  timezone?: string;
  /** The file is one of the plugin's exports: its headers map back to their fields, and the export's injection guard (a leading ') is undone. */
  fromExport?: boolean;
}

/** `column` is the header text, or the 0-based index when there is no header row. */
export type ColumnRef = string | number;

export type MappingEntry =
  /** `values`: how this column's words translate for an opt-in field, e.g. { "Y": "yes", "N": "no" }. */
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
  /** Cells (or stored values) dropped from contacts that were still written; not part of processed. */
  warnings: number;
}

/** When an import ran, and rows processed per minute for the detail page's line chart. */
export interface ImportTimings {
  createdAt?: string;
  queuedAt?: string;
  startedAt?: string;
  finishedAt?: string;
  /** Seconds spent running, summed over runs (a resumed import has several). */
  activeSeconds?: number;
  /** [minute since first start, rows processed in that minute] */
  perMinute?: Array<[number, number]>;
  runs?: number;
  /** Seconds the writer waited for the read/map stage, and spent writing batches (summed over runs): which stage bounds the import. */
  waitSeconds?: number;
  writeSeconds?: number;
  /** The last run's batches were written by the writer thread on its own connection (Postgres, MySQL, big sources). */
  writerThread?: boolean;
}

/** Where a suggested mapping came from, for the wizard to say ("from import X: 5 of 7 columns"). */
export interface MappingSource {
  kind: 'import' | 'saved';
  documentId: string;
  name: string;
  /** Columns of this file the earlier mapping covers… */
  matched: number;
  /** …out of the file's columns. */
  columns: number;
}

/**
 * A problem of one row: `error` failed the row, `warning` dropped one cell (or
 * stored value) of a contact that was written. `code` is stable; `reason` is
 * "code: sentence" in the reader's language.
 */
export interface ImportProblem {
  line: number;
  level: ImportProblemLevel;
  /** Header text (or field key) the problem is about; null for the whole row. */
  column: string | null;
  code: string;
  reason: string;
  /** Original cells, so the person can fix the row. */
  cells: string[];
}

/** The whole-file check of a draft (what the import would do, nothing written), as the detail page summarises it. */
export interface DryRunSummary {
  status: 'running' | 'done' | 'failed';
  counters: ImportCounters;
  /** Rows read; below `total` when the file is larger than previewMaxRows. */
  rowsRead: number;
  /** The check stopped at the server's previewMaxRows. */
  limited: boolean;
  startedAt?: string;
  finishedAt?: string | null;
  error?: string | null;
}

/** …and as the preview returns it, with its first problems (errors and warnings) in file order. */
export interface DryRun extends DryRunSummary {
  problems: ImportProblem[];
}

/** GET /contacts/imports/:id, and each row of GET /contacts/imports. */
export interface ImportView {
  id: number;
  documentId: string;
  name: string;
  source: ImportSource;
  /** Set when a recurring import made it (the recurring import's id). */
  recurringId: number | null;
  status: ImportStatus;
  file: { name: string; size: number; mime: string | null } | null;
  detected: Detected | null;
  options: Partial<ImportOptions>;
  mapping: MappingEntry[];
  mappingSource: MappingSource | null;
  /** The whole-file check's counters; its first problems come with the preview. */
  dryRun: DryRunSummary | null;
  counters: ImportCounters;
  /** 0…1. */
  progress: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
  timings: ImportTimings;
  error: string | null;
  createdBy: Author | null;
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

/** GET /contacts/imports/:id/preview. */
export interface ImportPreview {
  columns: string[];
  rows: PreviewRow[];
  /** Why fewer rows were read than asked for (a file of empty lines). */
  truncated?: string;
  dryRun: DryRun | null;
}

/** GET /contacts/imports/limits: what the upload step tells people before they pick a file. */
export interface ImportLimits {
  maxFileSize: number;
  extensions: readonly string[];
}

/** A mapping saved under a name (GET /contacts/mappings). */
export interface SavedMapping {
  documentId: string;
  name: string;
  columns: string[];
  mapping: MappingEntry[];
  createdAt?: string;
}

/** What PATCH (or PUT) /contacts/imports/:id accepts. */
export interface ImportPatch {
  name?: string;
  options?: Partial<ImportOptions>;
  mapping?: MappingEntry[];
  /** A saved mapping's documentId, applied to the columns of this file that it covers. */
  useMapping?: string;
}
