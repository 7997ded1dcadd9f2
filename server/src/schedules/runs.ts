import type { Knex } from 'knex';
import { OPEN_RUN_OUTCOMES, type RunTrigger } from '../constants';
import { parseJson } from '../utils/json';
import { ensurePlainTable } from '../database/plain-table';

export const RUNS_TABLE = 'contacts_schedule_runs';
/** Runs kept per recurring import or scheduled export (the imports and exports themselves follow their own history caps). */
export const RUNS_KEPT = 200;

/** What a run belongs to: a recurring import or a scheduled export. */
export type RunKind = 'import' | 'export';

export interface RunRow {
  id: number;
  kind: RunKind;
  scheduleId: number;
  /** The import or export the run made (null when it was skipped or failed before). */
  jobId: number | null;
  trigger: RunTrigger;
  dueAt: Date | null;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: string;
  reason: string | null;
  hash: string | null;
  /** Recurring imports: the data rows of the file this run took (from is 0-based, to exclusive) and how many the file has. */
  rowsFrom: number | null;
  rowsTo: number | null;
  rowsTotal: number | null;
  details: Record<string, unknown>;
}

/** A plain table, like the history and the locks: bookkeeping that Strapi leaves alone. */
export const ensureRunsTable = (knex: Knex) =>
  ensurePlainTable(knex, RUNS_TABLE, (t) => {
    t.increments('id');
    t.string('kind', 16).notNullable();
    t.integer('schedule_id').notNullable();
    t.integer('job_id');
    t.string('trigger', 16).notNullable();
    // Milliseconds since the epoch: one type on the three databases.
    t.bigInteger('due_at');
    t.bigInteger('started_at').notNullable();
    t.bigInteger('finished_at');
    t.string('outcome', 32).notNullable();
    t.text('reason');
    t.string('hash', 64);
    t.integer('rows_from');
    t.integer('rows_to');
    t.integer('rows_total');
    t.text('details');
    t.index(['kind', 'schedule_id', 'id'], `${RUNS_TABLE}_schedule_idx`);
    t.index(['kind', 'job_id'], `${RUNS_TABLE}_job_idx`);
    t.index(['outcome'], `${RUNS_TABLE}_outcome_idx`);
  });

const ms = (v: unknown) => (v === null || v === undefined ? null : new Date(Number(v)));

const fromRow = (r: any): RunRow => ({
  id: Number(r.id),
  kind: r.kind,
  scheduleId: Number(r.schedule_id),
  jobId: r.job_id === null || r.job_id === undefined ? null : Number(r.job_id),
  trigger: r.trigger,
  dueAt: ms(r.due_at),
  startedAt: ms(r.started_at)!,
  finishedAt: ms(r.finished_at),
  outcome: r.outcome,
  reason: r.reason ?? null,
  hash: r.hash ?? null,
  rowsFrom: r.rows_from ?? null,
  rowsTo: r.rows_to ?? null,
  rowsTotal: r.rows_total ?? null,
  details: parseJson<Record<string, unknown>>(r.details, {}),
});

export interface NewRun {
  kind: RunKind;
  scheduleId: number;
  trigger: RunTrigger;
  dueAt: Date | null;
  outcome: string;
  jobId?: number | null;
  reason?: string | null;
  hash?: string | null;
  rowsFrom?: number | null;
  rowsTo?: number | null;
  rowsTotal?: number | null;
  details?: Record<string, unknown>;
  /** Set for runs that end as they are recorded (skipped, failed before a job). */
  finished?: boolean;
}

export const createRunsRepository = (knex: () => Knex) => {
  const runs = () => knex()(RUNS_TABLE);
  return {
    async insert(run: NewRun): Promise<RunRow> {
      const now = Date.now();
      const [inserted] = await runs()
        .insert({
          kind: run.kind,
          schedule_id: run.scheduleId,
          job_id: run.jobId ?? null,
          trigger: run.trigger,
          due_at: run.dueAt ? run.dueAt.getTime() : null,
          started_at: now,
          finished_at: run.finished ? now : null,
          outcome: run.outcome,
          reason: run.reason ? run.reason.slice(0, 4000) : null,
          hash: run.hash ?? null,
          rows_from: run.rowsFrom ?? null,
          rows_to: run.rowsTo ?? null,
          rows_total: run.rowsTotal ?? null,
          details: run.details ? JSON.stringify(run.details) : null,
        })
        .returning('id');
      const id = typeof inserted === 'object' ? inserted.id : inserted;
      // The oldest runs beyond RUNS_KEPT go (their imports and exports stay in their own histories).
      const cutoff = await runs().where({ kind: run.kind, schedule_id: run.scheduleId }).orderBy('id', 'desc').offset(RUNS_KEPT).first('id');
      if (cutoff) await runs().where({ kind: run.kind, schedule_id: run.scheduleId }).where('id', '<=', cutoff.id).delete();
      return fromRow(await runs().where({ id }).first());
    },

    async page(kind: RunKind, scheduleId: number, page: number, pageSize: number) {
      const where = { kind, schedule_id: scheduleId };
      const [{ n }] = await runs().where(where).count({ n: '*' });
      const rows = await runs().where(where).orderBy('id', 'desc').offset((page - 1) * pageSize).limit(pageSize);
      return { rows: rows.map(fromRow), total: Number(n) };
    },

    /** The newest runs of each of these schedules (the list's "last run"). */
    async latest(kind: RunKind, scheduleIds: number[]): Promise<Map<number, RunRow>> {
      if (!scheduleIds.length) return new Map();
      const newest = knex()(RUNS_TABLE).max('id').where({ kind }).whereIn('schedule_id', scheduleIds).groupBy('schedule_id');
      const rows = await runs().whereIn('id', newest);
      return new Map(rows.map((r: any) => [Number(r.schedule_id), fromRow(r)]));
    },

    /** Runs not ended yet: settled when their import or export ends. */
    open: async (kind: RunKind) => (await runs().where({ kind }).whereIn('outcome', OPEN_RUN_OUTCOMES as unknown as string[]).orderBy('id')).map(fromRow),

    /** Runs of one schedule whose job has not ended: a new run waits for them. */
    openOf: async (kind: RunKind, scheduleId: number) =>
      (await runs().where({ kind, schedule_id: scheduleId }).whereIn('outcome', OPEN_RUN_OUTCOMES as unknown as string[])).map(fromRow),

    byJob: async (kind: RunKind, jobId: number) => {
      const r = await runs().where({ kind, job_id: jobId }).first();
      return r ? fromRow(r) : null;
    },

    /** A conditional move: true for the one caller that moved it from one of `from` (another instance may race on the same run). */
    async transition(id: number, from: readonly string[], patch: { outcome: string; reason?: string | null; details?: Record<string, unknown>; finished?: boolean }) {
      const n = await runs()
        .where({ id })
        .whereIn('outcome', from as string[])
        .update({
          outcome: patch.outcome,
          ...(patch.reason !== undefined ? { reason: patch.reason ? patch.reason.slice(0, 4000) : null } : {}),
          ...(patch.details ? { details: JSON.stringify(patch.details) } : {}),
          ...(patch.finished ? { finished_at: Date.now() } : {}),
        });
      return n === 1;
    },

    removeFor: (kind: RunKind, scheduleId: number) => runs().where({ kind, schedule_id: scheduleId }).delete(),
  };
};

export type RunsRepository = ReturnType<typeof createRunsRepository>;
