import type { DryRunSummary, ImportView } from '../constants';
import { parseJson } from '../utils/json';
import type { DryRunReport } from './dry-run';
import type { ImportTimings } from './types';
import { authorOfRow } from '../utils/author';

const dryRunSummary = (d: DryRunReport | null): DryRunSummary | null => (d ? { status: d.status, counters: d.counters, rowsRead: d.rowsRead, limited: d.limited, startedAt: d.startedAt, finishedAt: d.finishedAt ?? null, error: d.error ?? null } : null);

/** Database row of an import (snake_case columns) → the admin API's shape. */
export const presentImport = (r: any): ImportView => {
  const timings = parseJson<ImportTimings>(r.timings, {});
  const counters = {
    total: r.total ?? 0,
    processed: r.processed ?? 0,
    created: r.created ?? 0,
    updated: r.updated ?? 0,
    unchanged: r.unchanged ?? 0,
    skipped: r.skipped ?? 0,
    failed: r.failed ?? 0,
    warnings: r.warnings ?? 0,
  };
  // Rows of earlier runs count too: activeSeconds sums the running time of every run.
  const seconds = timings.activeSeconds ?? 0;
  const rowsPerSecond = seconds > 0 ? Math.round(counters.processed / seconds) : 0;
  const remaining = Math.max(0, counters.total - counters.processed);
  const file = parseJson<any>(r.file, null);
  return {
    id: r.id,
    documentId: r.document_id,
    name: r.name,
    source: r.source,
    recurringId: r.recurring_id ?? null,
    status: r.status,
    file: file ? { name: file.name, size: file.size, mime: file.mime } : null,
    detected: parseJson(r.detected, null),
    options: parseJson(r.options, {}),
    mapping: parseJson(r.mapping, []),
    mappingSource: parseJson(r.mapping_source, null),
    dryRun: dryRunSummary(parseJson<DryRunReport | null>(r.dry_run, null)),
    counters,
    progress: counters.total > 0 ? Math.min(1, counters.processed / counters.total) : r.status === 'imported' ? 1 : 0,
    rowsPerSecond,
    etaSeconds: r.status === 'in_progress' && rowsPerSecond > 0 ? Math.round(remaining / rowsPerSecond) : null,
    timings,
    error: r.error ?? null,
    createdBy: authorOfRow(r),
    createdAt: r.created_at ? new Date(r.created_at).toISOString() : null,
    updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
  };
};
