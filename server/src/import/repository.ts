import type { Core } from '@strapi/strapi';
import { IMPORT_ACTIVE_STATUSES, IMPORT_FINISHED_STATUSES, IMPORT_RESUMABLE_STATUSES, IMPORT_RUNNABLE_STATUSES, type ImportStatus } from '../constants';
import { bulkWriterFor } from '../database/bulk';
import { tables } from '../database/tables';
import { leaseTransitions } from '../queue/leases';
import { batchRows, type BatchRows } from './batch-rows';

/**
 * The import rows and every change of their status, as named conditional
 * updates: each transition says which statuses it leaves and returns whether
 * it applied, so two admins, two workers or two instances racing on one
 * import cannot both win. Status literals live here and in constants.ts.
 */
export interface ImportRepository extends BatchRows {
  table(): string;
  byId(id: number): Promise<any>;
  /** draft → queued, with the mapping resolved at start. */
  queue(id: number, patch: { mapping: string; timings: string }): Promise<boolean>;
  /** queued → delayed (waiting for the parallel-import limit). */
  delay(id: number): Promise<boolean>;
  /** queued | delayed | in_progress → stopped (by a person; the run leaves after its batch). */
  stop(id: number): Promise<boolean>;
  /** stopped | failed → queued (continues from the cursor). */
  resume(id: number): Promise<boolean>;
  /** queued | delayed → in_progress under this owner's lease. */
  claim(id: number, owner: string, leaseMs: number): Promise<boolean>;
  /** in_progress whose lease expired (or whose owner died) → in_progress under this owner. */
  takeOver(id: number, owner: string, leaseMs: number, deadOwner: string | null): Promise<boolean>;
  /** in_progress (this owner) → imported. */
  finish(id: number, owner: string, patch: { total: number; timings: string }): Promise<boolean>;
  /** (this owner) → failed. */
  fail(id: number, owner: string, message: string): Promise<boolean>;
  /** Drops this owner's lease (after a stop), keeping the status. */
  release(id: number, owner: string): Promise<void>;
  heartbeat(ids: number[], owner: string, leaseMs: number): Promise<void>;
  /** Expires this owner's leases at once (shutdown), so another process resumes them without waiting. */
  expireLeases(ids: number[], owner: string): Promise<void>;
  /** Runnable and running imports, oldest first (the queue's tick). */
  active(): Promise<Array<{ id: number; status: ImportStatus; lease_owner: string | null; lease_expires_at: unknown }>>;
  /** Finished imports beyond the newest `keep` (the history cap). */
  finishedBeyond(keep: number): Promise<Array<{ id: number; file: unknown }>>;
  isActive(status: string): boolean;
}

export const createImportRepository = (strapi: Core.Strapi): ImportRepository => {
  const knex = () => strapi.db.connection;
  const bulk = () => bulkWriterFor(strapi.db.dialect.client);
  const t = () => tables().imports;
  const at = (ms: number) => bulk().timestamp(new Date(Date.now() + ms)) as any;
  const rows = () => knex()(t());
  const applied = (n: number) => n === 1;

  return {
    table: t,
    byId: (id) => rows().where({ id }).first(),
    queue: async (id, patch) =>
      applied(await rows().where({ id, status: 'draft' }).update({ status: 'queued', ...patch, cursor: JSON.stringify({ rows: 0, line: 0 }) })),
    delay: async (id) => applied(await rows().where({ id, status: 'queued' }).update({ status: 'delayed' })),
    stop: async (id) => applied(await rows().where({ id }).whereIn('status', IMPORT_ACTIVE_STATUSES).update({ status: 'stopped' })),
    resume: async (id) => applied(await rows().where({ id }).whereIn('status', IMPORT_RESUMABLE_STATUSES).update({ status: 'queued', error: null })),
    ...leaseTransitions(strapi, t, IMPORT_RUNNABLE_STATUSES),
    finish: async (id, owner, patch) =>
      applied(
        await rows()
          .where({ id, lease_owner: owner, status: 'in_progress' })
          .update({ status: 'imported', ...patch, lease_owner: null, lease_expires_at: null, updated_at: at(0) })
      ),
    fail: async (id, owner, message) =>
      applied(await rows().where({ id, lease_owner: owner }).update({ status: 'failed', error: message.slice(0, 2000), lease_owner: null, lease_expires_at: null })),
    release: async (id, owner) => {
      await rows().where({ id, lease_owner: owner }).update({ lease_owner: null, lease_expires_at: null });
    },
    active: () => rows().select('id', 'status', 'lease_owner', 'lease_expires_at').whereIn('status', IMPORT_ACTIVE_STATUSES).orderBy('id', 'asc'),
    ...batchRows(knex, strapi.db.dialect.client, t),
    finishedBeyond: (keep) => rows().select('id', 'file').whereIn('status', IMPORT_FINISHED_STATUSES).orderBy('id', 'desc').offset(keep).limit(1000),
    isActive: (status) => (IMPORT_ACTIVE_STATUSES as string[]).includes(status),
  };
};
