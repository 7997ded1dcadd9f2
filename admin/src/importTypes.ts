import type { ImportStatus } from '../../server/src/constants';
import type { Detected, ImportCounters, ImportOptions, MappingEntry, Timings } from '../../server/src/import/types';

// The server's own types for what the wizard edits: one definition for both sides.
export type { Detected, ImportCounters, ImportOptions, MappingEntry };

export type ImportTimings = Timings;

export interface ImportFailedRow {
  line: number;
  reason: string;
  cells: string[];
}

/** GET /contacts/imports/:id (server/src/import/present.ts). */
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
  counters: ImportCounters;
  progress: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
  timings: ImportTimings;
  error: string | null;
  createdBy: { id: number; firstname: string | null; lastname: string | null; email: string | null } | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** Detail only: the first failed rows, in line order. */
  firstErrors?: ImportFailedRow[];
}

export interface PreviewProblem {
  column: string | number | null;
  field: string | null;
  reason: string;
}

export interface PreviewRow {
  line: number;
  cells: string[];
  /** The contact as it would be stored; null when the row would fail. */
  contact: (Record<string, unknown> & { attributes?: Record<string, unknown>; tags?: string[] }) | null;
  errors: PreviewProblem[];
}

export interface ImportPreview {
  columns: string[];
  rows: PreviewRow[];
}

export interface ImportLimits {
  maxFileSize: number;
  extensions: string[];
}

/** What PUT /contacts/imports/:id accepts. */
export interface ImportPatch {
  name?: string;
  options?: Partial<ImportOptions>;
  mapping?: MappingEntry[];
}
