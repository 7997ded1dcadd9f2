import { withPermission, type Where } from '../permissions/scope';
import { presentRun } from './present';
import type { ScheduleRule } from './rule';
import type { RunKind, RunRow, RunsRepository } from './runs';
import type { RunTrigger } from '../constants';
import { AUTHOR_POPULATE } from '../utils/author';

/** A row on a schedule as the ticker sees it (ticker.ts `Scheduled`, with its id). */
export interface ScheduledRow {
  key: string;
  id: number;
  rule: ScheduleRule;
  since: Date;
}

/**
 * What recurring imports and scheduled exports share as rows on a schedule:
 * the ticker's list of enabled rows, the run of a claimed due time, the runs
 * page (open runs settled first), settling a run when its job ends, and the
 * list, run-now and delete routes around them. The services say how a row
 * is shown, runs and settles.
 */
export const createScheduledRows = (opts: {
  kind: RunKind;
  /** Names the claims: `<keyPrefix>:<id>`, unique across both kinds. */
  keyPrefix: string;
  query: () => any;
  runs: RunsRepository;
  row: (documentId: string) => Promise<any>;
  /** The row as the API shows it, with its last run and that run's job. */
  present: (row: any, lastRun: RunRow | null, job: any) => unknown;
  runOnce: (row: any, trigger: RunTrigger, dueAt: Date | null) => Promise<RunRow>;
  settle: (run: RunRow) => Promise<unknown>;
  jobsOf: (runs: RunRow[]) => Promise<Map<number, any>>;
  presentJob: (job: any) => ReturnType<typeof presentRun>['job'] | null;
}) => {
  const { kind, runs } = opts;
  const presentOne = async (r: any) => {
    const last = (await runs.latest(kind, [r.id])).get(r.id) ?? null;
    const jobs = await opts.jobsOf(last ? [last] : []);
    return opts.present(r, last, last?.jobId ? jobs.get(last.jobId) : null);
  };

  const rows = {
    presentOne,

    async find(query: { page?: number; pageSize?: number } = {}, permission: Where | null = {}) {
      const page = Math.max(1, Number(query.page) || 1);
      const pageSize = Math.min(100, Math.max(1, Number(query.pageSize) || 20));
      const where = withPermission({}, permission);
      if (where === null) return { results: [], pagination: { page, pageSize, pageCount: 0, total: 0 } };
      const [total, list] = await Promise.all([
        opts.query().count({ where }),
        opts.query().findMany({ where, orderBy: { id: 'desc' }, offset: (page - 1) * pageSize, limit: pageSize, populate: AUTHOR_POPULATE }),
      ]);
      const latest = await runs.latest(kind, (list as any[]).map((r) => r.id));
      const jobs = await opts.jobsOf([...latest.values()]);
      const results = (list as any[]).map((r) => {
        const last = latest.get(r.id) ?? null;
        return opts.present(r, last, last?.jobId ? jobs.get(last.jobId) : null);
      });
      return { results, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
    },

    findOne: async (documentId: string) => presentOne(await opts.row(documentId)),

    /** The runs' imports and exports stay in their histories. */
    async delete(documentId: string) {
      const r = await opts.row(documentId);
      await opts.query().delete({ where: { id: r.id } });
      await runs.removeFor(kind, r.id);
      return { documentId };
    },

    async runNow(documentId: string) {
      const run = await opts.runOnce(await opts.row(documentId), 'manual', null);
      return (await rows.runs(documentId, { page: 1, pageSize: 1 }, run.id)).results[0];
    },

    async runs(documentId: string, query: { page?: number; pageSize?: number } = {}, onlyId?: number) {
      const r = await opts.row(documentId);
      const page = Math.max(1, Number(query.page) || 1);
      const pageSize = Math.min(100, Math.max(1, Number(query.pageSize) || 20));
      const first = await runs.page(kind, r.id, page, pageSize);
      for (const open of first.rows.filter((x) => x.outcome === 'running')) await opts.settle(open);
      const fresh = (await runs.page(kind, r.id, page, pageSize)).rows.filter((x) => onlyId === undefined || x.id === onlyId);
      const jobs = await opts.jobsOf(fresh);
      return {
        results: fresh.map((x) => presentRun(x, opts.presentJob(x.jobId ? jobs.get(x.jobId) : null))),
        pagination: { page, pageSize, pageCount: Math.ceil(first.total / pageSize), total: first.total },
      };
    },

    /** The ticker's view: enabled rows with their rule and last due time (or creation). */
    async scheduled(): Promise<ScheduledRow[]> {
      const list = await opts.query().findMany({ where: { enabled: true }, select: ['id', 'documentId', 'schedule', 'lastDueAt', 'createdAt'] });
      return (list as any[])
        .filter((r) => r.schedule)
        .map((r) => ({ key: `${opts.keyPrefix}:${r.id}`, id: r.id as number, rule: r.schedule as ScheduleRule, since: new Date(r.lastDueAt ?? r.createdAt) }));
    },

    /** Runs the due time the ticker claimed. */
    async runDue(id: number, dueAt: Date) {
      await opts.query().update({ where: { id }, data: { lastDueAt: dueAt } });
      const r = await opts.query().findOne({ where: { id }, populate: { createdBy: { select: ['id'] } } });
      if (r && r.enabled) await opts.runOnce(r, 'schedule', dueAt);
    },

    /** Its import or export ended (event, or the ticker's sweep): settle the run it belongs to. */
    async jobEnded(jobId: number) {
      const run = await runs.byJob(kind, jobId);
      if (run) await opts.settle(run);
    },

    async settleOpen() {
      for (const run of await runs.open(kind)) await opts.settle(run);
    },
  };
  return rows;
};
