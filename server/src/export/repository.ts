import type { Core } from '@strapi/strapi';
import { EXPORT_ACTIVE_STATUSES, EXPORT_FINISHED_STATUSES } from '../constants';
import { bulkWriterFor } from '../database/bulk';
import { tables } from '../database/tables';
import { leaseTransitions } from '../queue/leases';
import type { JobCandidate, JobRows } from '../queue/types';
import type { ExportCursor } from './types';

/**
 * The export rows and their status changes, as named conditional updates
 * (see the import repository): a run writes only while it holds the lease,
 * so a run that lost its job to another process stops at its next chunk.
 */
export interface ExportRepository extends JobRows {
  byId(id: number): Promise<any>;
  /** The first start of a run: the bound, the instant and the total of the pass, kept for every later run. */
  begin(id: number, owner: string, patch: { total: number; cursor: ExportCursor; timings: string }): Promise<boolean>;
  /** A chunk is in the file: counters and cursor, only while this owner holds the lease. */
  progress(id: number, owner: string, patch: { rowCount: number; bytes: number; cursor: ExportCursor; durationMs: number; timings: string }): Promise<boolean>;
  /** in_progress (this owner) → done, with the file. */
  finish(id: number, owner: string, patch: { file: string; rowCount: number; bytes: number; durationMs: number; timings: string; notes: string }): Promise<boolean>;
  /** (this owner) → failed. */
  fail(id: number, owner: string, message: string): Promise<boolean>;
  /** Finished exports beyond the newest `keep` (the history cap). */
  finishedBeyond(keep: number): Promise<Array<{ id: number; file: unknown; cursor: unknown }>>;
  /** Every file a row points to (the finished file, the part file of a run), for the sweep. */
  files(): Promise<Array<{ file: unknown; cursor: unknown }>>;
}

export const createExportRepository = (strapi: Core.Strapi): ExportRepository => {
  const t = () => tables().exports;
  const rows = () => strapi.db.connection(t());
  const now = () => bulkWriterFor(strapi.db.dialect.client).timestamp(new Date()) as any;
  const applied = (n: number) => n === 1;
  const mineRunning = (id: number, owner: string) => rows().where({ id, lease_owner: owner, status: 'in_progress' });

  return {
    ...leaseTransitions(strapi, t, ['queued']),
    active: () =>
      rows().select('id', 'status', 'lease_owner', 'lease_expires_at').whereIn('status', EXPORT_ACTIVE_STATUSES).orderBy('id', 'asc') as Promise<JobCandidate[]>,
    byId: (id) => rows().where({ id }).first(),
    begin: async (id, owner, patch) =>
      applied(await mineRunning(id, owner).update({ total: patch.total, cursor: JSON.stringify(patch.cursor), timings: patch.timings, row_count: 0, bytes: 0 })),
    progress: async (id, owner, patch) =>
      applied(
        await mineRunning(id, owner).update({
          row_count: patch.rowCount,
          bytes: patch.bytes,
          cursor: JSON.stringify(patch.cursor),
          duration_ms: patch.durationMs,
          timings: patch.timings,
          updated_at: now(),
        })
      ),
    finish: async (id, owner, patch) =>
      applied(
        await mineRunning(id, owner).update({
          status: 'done',
          file: patch.file,
          row_count: patch.rowCount,
          bytes: patch.bytes,
          duration_ms: patch.durationMs,
          timings: patch.timings,
          notes: patch.notes,
          lease_owner: null,
          lease_expires_at: null,
          updated_at: now(),
        })
      ),
    fail: async (id, owner, message) =>
      applied(
        await rows()
          .where({ id, lease_owner: owner })
          .update({ status: 'failed', error: message.slice(0, 2000), lease_owner: null, lease_expires_at: null, updated_at: now() })
      ),
    finishedBeyond: (keep) => rows().select('id', 'file', 'cursor').whereIn('status', EXPORT_FINISHED_STATUSES).orderBy('id', 'desc').offset(keep).limit(1000),
    files: () => rows().select('file', 'cursor'),
  };
};
