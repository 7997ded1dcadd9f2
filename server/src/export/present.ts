import { EXPORT_FIELD_PRESETS, type ExportFieldPreset } from '../constants';
import { parseJson } from '../utils/json';
import type { ExportColumn } from './columns';
import type { ExportTimings } from './types';
import { authorOfRow } from '../utils/author';

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as any)).toISOString());

/** Stored as JSON text; Postgres hands a JSON string back already parsed ("all"), which is no longer JSON itself. */
const fieldsOf = (v: unknown): ExportFieldPreset | string[] =>
  typeof v === 'string' && (EXPORT_FIELD_PRESETS as readonly string[]).includes(v) ? (v as ExportFieldPreset) : parseJson<ExportFieldPreset | string[]>(v, 'main');

/** Database row of an export (snake_case columns) → the admin API's shape; the file's path stays inside. */
export const presentExport = (r: any) => {
  const total = Number(r.total) || 0;
  const rowCount = Number(r.row_count) || 0;
  const file = parseJson<{ size: number; mime: string } | null>(r.file, null);
  const columns = parseJson<ExportColumn[]>(r.columns, []);
  const timings = parseJson<ExportTimings>(r.timings, {});
  return {
    id: r.id,
    documentId: r.document_id,
    name: r.name,
    status: r.status,
    scope: parseJson(r.scope, null),
    fields: fieldsOf(r.fields),
    columns: columns.map((c) => c.header),
    format: r.format,
    options: parseJson(r.options, {}),
    total,
    rowCount,
    progress: r.status === 'done' ? 1 : total > 0 ? Math.min(1, rowCount / total) : 0,
    bytes: Number(r.bytes) || 0,
    durationMs: Number(r.duration_ms) || 0,
    file: r.status === 'done' && file ? { size: file.size, mime: file.mime } : null,
    notes: parseJson(r.notes, null),
    notify: parseJson(r.notify, []),
    timings,
    error: r.error ?? null,
    createdBy: authorOfRow(r),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
};

export type ExportView = ReturnType<typeof presentExport>;
