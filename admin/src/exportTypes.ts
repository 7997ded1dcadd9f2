import type { ExportFormat, ExportStatus } from '../../shared/constants';
import type { ExportOptions, ExportScope } from '../../shared/exports';
import type { Author } from '../../shared/authors';

export type { ExportRequest } from '../../shared/exports';

/*
 * The admin API's export shape, as the admin reads it (server/src/export/present.ts
 * answers it). The vocabularies (scopes, presets, delimiters) come from shared/.
 */

/** The options a run used, as the server stored them. */
export type ExportOptionsUsed = Partial<ExportOptions>;

export interface ExportView {
  id: number;
  documentId: string;
  name: string;
  status: ExportStatus;
  scope: ExportScope | null;
  /** As requested: a preset or the ordered keys. */
  fields: 'main' | 'all' | string[];
  /** The headers written, in order. */
  columns: string[];
  format: ExportFormat;
  options: ExportOptionsUsed;
  /** Contacts the run found at its start; rowCount of them are written. */
  total: number;
  rowCount: number;
  /** 0…1. */
  progress: number;
  bytes: number;
  durationMs: number;
  /** Only once done: the file can be downloaded. */
  file: { size: number; mime: string } | null;
  notes: { truncated?: number; unlisted?: number } | null;
  notify: number[];
  error: string | null;
  createdBy: Author | null;
  createdAt: string | null;
  updatedAt: string | null;
}

