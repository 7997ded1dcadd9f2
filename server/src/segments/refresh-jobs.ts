import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { JobCandidate } from '../queue/types';
import { parseJson } from '../utils/json';
import type { RefreshResult } from './refresh';
import { ensurePlainTable } from '../database/plain-table';

export const REFRESH_JOBS_TABLE = 'contacts_segment_refreshes';
/** Finished refresh jobs are bookkeeping: housekeeping removes them after this long. */
export const REFRESH_JOBS_KEPT_MS = 7 * 24 * 3600_000;

export type RefreshJobStatus = 'queued' | 'in_progress' | 'done' | 'failed';
export const REFRESH_RUNNABLE_STATUSES = ['queued'] as const;

/** What a job of every dynamic segment did so far: a resumed job skips what is done. */
export interface RefreshAllResult {
  refreshed: number;
  skipped: number;
  done: number[];
}

export interface RefreshJob {
  id: number;
  /** null: every dynamic segment, in dependency order. */
  segmentId: number | null;
  status: RefreshJobStatus;
  /** Every-segment jobs after an import: nothing is done when there are this many dynamic segments or more. */
  onlyIfFewerThan: number | null;
  error: string | null;
  result: RefreshResult | RefreshAllResult | null;
}

/** A plain table, like the history and the locks: queue bookkeeping that Strapi leaves alone. */
export const ensureRefreshJobsTable = (knex: Knex) =>
  ensurePlainTable(knex, REFRESH_JOBS_TABLE, (t) => {
    t.increments('id');
    t.integer('segment_id');
    t.string('status', 16).notNullable();
    t.integer('only_if_fewer_than');
    // The lease columns every job table has (queue/leases.ts).
    t.string('lease_owner', 64);
    t.datetime('lease_expires_at');
    t.text('error');
    t.text('result');
    t.bigInteger('requested_at').notNullable();
    t.bigInteger('finished_at');
    t.index(['status', 'id'], `${REFRESH_JOBS_TABLE}_status_idx`);
    t.index(['segment_id', 'status'], `${REFRESH_JOBS_TABLE}_segment_idx`);
  });

const toJob = (r: any): RefreshJob => ({
  id: Number(r.id),
  segmentId: r.segment_id === null || r.segment_id === undefined ? null : Number(r.segment_id),
  status: r.status,
  onlyIfFewerThan: r.only_if_fewer_than === null || r.only_if_fewer_than === undefined ? null : Number(r.only_if_fewer_than),
  error: r.error ?? null,
  result: parseJson(r.result, null),
});

export const createRefreshJobs = (strapi: Core.Strapi) => {
  const rows = () => strapi.db.connection(REFRESH_JOBS_TABLE);
  const ended = (update: Record<string, unknown>) => ({ ...update, lease_owner: null, lease_expires_at: null, finished_at: Date.now() });

  return {
    table: () => REFRESH_JOBS_TABLE,

    /**
     * Asks for a refresh of one segment (or of every dynamic one): a request
     * while one for the same target still waits joins it rather than
     * queueing a second. A condition-free request lifts a waiting one's condition.
     */
    async request(segmentId: number | null, { onlyIfFewerThan }: { onlyIfFewerThan?: number } = {}): Promise<number> {
      const same = rows().where({ status: 'queued' });
      const waiting = await (segmentId === null ? same.whereNull('segment_id') : same.where({ segment_id: segmentId })).orderBy('id').first('id', 'only_if_fewer_than');
      if (waiting) {
        if (onlyIfFewerThan === undefined && waiting.only_if_fewer_than !== null) await rows().where({ id: waiting.id, status: 'queued' }).update({ only_if_fewer_than: null });
        return Number(waiting.id);
      }
      const [inserted] = await rows().insert({ segment_id: segmentId, status: 'queued', only_if_fewer_than: onlyIfFewerThan ?? null, requested_at: Date.now() }, ['id']);
      return Number(typeof inserted === 'object' ? inserted.id : inserted);
    },

    active: async (): Promise<JobCandidate[]> =>
      rows().select('id', 'status', 'lease_owner', 'lease_expires_at').whereIn('status', ['queued', 'in_progress']).orderBy('id'),

    async load(id: number): Promise<RefreshJob | null> {
      const r = await rows().where({ id }).first();
      return r ? toJob(r) : null;
    },

    /** What a job of every segment did so far, kept under the lease: another process resumes from it. */
    progress: async (id: number, owner: string, result: RefreshAllResult) =>
      (await rows().where({ id, lease_owner: owner, status: 'in_progress' }).update({ result: JSON.stringify(result) })) === 1,

    finish: async (id: number, owner: string, result: RefreshResult | RefreshAllResult) =>
      (await rows().where({ id, lease_owner: owner, status: 'in_progress' }).update(ended({ status: 'done', result: JSON.stringify(result) }))) === 1,

    fail: async (id: number, owner: string, message: string) =>
      (await rows().where({ id, lease_owner: owner, status: 'in_progress' }).update(ended({ status: 'failed', error: message }))) === 1,

    /** Pending refreshes of a deleted segment go with it. */
    forget: async (segmentId: number) => {
      await rows().where({ segment_id: segmentId }).whereIn('status', ['queued', 'in_progress']).update(ended({ status: 'failed', error: 'The segment was deleted' }));
    },

    prune: async (olderThanMs = REFRESH_JOBS_KEPT_MS) => {
      await rows().whereIn('status', ['done', 'failed']).andWhere('finished_at', '<', Date.now() - olderThanMs).delete();
    },
  };
};

export type RefreshJobs = ReturnType<typeof createRefreshJobs>;
