import type { ExportStatus, ImportStatus } from '../../../shared/constants';
import type { ExportView } from '../exportTypes';
import type { ImportView } from '../../../shared/imports';
import type { Segment } from '../segmentTypes';
import { EXPORTS_PATH, IMPORTS_PATH, SEGMENTS_PATH } from '../utils/paths';
import type { Job, JobEnd } from './jobsStore';

type Get = <T>(url: string) => Promise<{ data: T }>;

export interface JobKindSpec {
  /** Reads the job once: how it ended, or null while it runs. */
  check: (get: Get, job: Job) => Promise<JobEnd | null>;
  /** The pages where the person sees the ended job (the badge clears there). */
  seenUnder: string;
  /** English notifications by outcome (translated under jobs.<kind>.<outcome>); `{name}` and the end's values fill them. */
  messages: Partial<Record<JobEnd['outcome'], string>>;
}

/**
 * A job whose record has a status (imports, exports): polled at `url` until
 * the status is one of `ended`; `values` picks what the notification says.
 */
const statusJob = <T extends { status: string }>(spec: {
  url: (id: string) => string;
  outcomes: Partial<Record<string, JobEnd['outcome']>>;
  values: (record: T) => JobEnd['values'];
  seenUnder: string;
  messages: JobKindSpec['messages'];
}): JobKindSpec => ({
  seenUnder: spec.seenUnder,
  messages: spec.messages,
  check: async (get, job) => {
    const { data } = await get<{ data: T }>(spec.url(job.id));
    const outcome = spec.outcomes[data.data.status];
    return outcome ? { outcome, values: spec.values(data.data) } : null;
  },
});

const IMPORT_OUTCOMES: Partial<Record<ImportStatus, JobEnd['outcome']>> = { imported: 'ok', failed: 'failed', stopped: 'stopped' };
const EXPORT_OUTCOMES: Partial<Record<ExportStatus, JobEnd['outcome']>> = { done: 'ok', failed: 'failed' };

/**
 * Every kind of job the admin watches. Another kind joins with one entry
 * here and one `jobs.watch(kind, …)` where it starts (useExportApi.create for exports).
 */
export const JOB_KINDS = {
  import: statusJob<ImportView>({
    url: (id) => `/contacts/imports/${encodeURIComponent(id)}`,
    outcomes: IMPORT_OUTCOMES,
    values: (i) => ({ created: i.counters.created, updated: i.counters.updated, failed: i.counters.failed }),
    seenUnder: IMPORTS_PATH,
    messages: {
      ok: 'Import «{name}» finished: {created, number} created, {updated, number} updated, {failed, number} failed.',
      failed: 'Import «{name}» failed.',
      stopped: 'Import «{name}» stopped.',
    },
  }),
  export: statusJob<ExportView>({
    url: (id) => `/contacts/exports/${encodeURIComponent(id)}`,
    outcomes: EXPORT_OUTCOMES,
    values: (e) => ({ rowCount: e.rowCount, error: e.error ?? '' }),
    seenUnder: EXPORTS_PATH,
    messages: {
      ok: 'Export «{name}» is ready: {rowCount, plural, one {# contact} other {# contacts}}. Download it from Exports.',
      failed: 'Export «{name}» failed: {error}',
    },
  }),
  // A refresh answers its own request; after a reload its end shows as a new `lastRefresh`.
  refresh: {
    seenUnder: SEGMENTS_PATH,
    messages: {
      ok: 'Segment «{name}» refreshed: {count, plural, one {# contact} other {# contacts}} (+{added, number}, −{removed, number}) in {durationMs, number} ms.',
      failed: 'The refresh of segment «{name}» failed.',
    },
    check: async (get, job): Promise<JobEnd | null> => {
      const { data } = await get<{ data: Segment }>(`/contacts/segments/${encodeURIComponent(job.id)}`);
      const last = data.data.lastRefresh;
      if (!last || last.at === job.baseline) return null;
      if (last.error) return { outcome: 'failed', values: {} };
      return { outcome: 'ok', values: { count: data.data.count, added: last.added ?? 0, removed: last.removed ?? 0, durationMs: last.durationMs ?? 0 } };
    },
  },
} satisfies Record<string, JobKindSpec>;

export type JobKind = keyof typeof JOB_KINDS;
