import { nextDue, type ScheduleRule } from './rule';
import type { RunRow } from './runs';

const iso = (d: Date | string | number | null | undefined) => (d === null || d === undefined ? null : new Date(d as any).toISOString());

/** A run as the admin API shows it; `job` is its import or export (documentId, name, status), when it still exists. */
export const presentRun = (run: RunRow, job: { documentId: string; name: string; status: string } | null = null) => ({
  id: run.id,
  trigger: run.trigger,
  dueAt: iso(run.dueAt),
  startedAt: iso(run.startedAt),
  finishedAt: iso(run.finishedAt),
  outcome: run.outcome,
  reason: run.reason,
  hash: run.hash,
  rows: run.rowsFrom === null ? null : { from: run.rowsFrom, to: run.rowsTo, total: run.rowsTotal },
  details: run.details,
  job,
});

/** When the schedule fires next, for the list (null while disabled). */
export const nextRunAt = (rule: ScheduleRule | null, enabled: boolean, now = new Date()) => {
  if (!rule || !enabled) return null;
  try {
    return nextDue(rule, now).toISOString();
  } catch {
    return null;
  }
};

export { iso };
