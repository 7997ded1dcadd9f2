import type { Core } from '@strapi/strapi';
import type { JobKind, JobProgress, JobRunOutcome } from './types';

/**
 * The jobs this process runs, whichever queue handed them over: one lease
 * owner per process, one heartbeat for all of its leases, and a job is
 * never run twice at once by one process.
 */
export interface Runs {
  readonly owner: string;
  readonly leaseMs: number;
  has(kind: string, id: number): boolean;
  ids(kind: string): number[];
  /** Runs a claimed job to its end (or until it leaves); the promise never rejects. */
  run(kind: JobKind, id: number, onProgress?: (p: JobProgress) => void): Promise<JobRunOutcome>;
  startHeartbeat(): void;
  /** Asks every run to leave after its current batch, waits for them, then expires their leases so another process resumes them at once. */
  drain(): Promise<void>;
  readonly pausing: boolean;
}

export const createRuns = (strapi: Core.Strapi, kinds: JobKind[], owner: string, leaseSeconds: number): Runs => {
  const leaseMs = leaseSeconds * 1000;
  const mine = new Map<string, Map<number, Promise<JobRunOutcome>>>();
  const of = (kind: string) => {
    if (!mine.has(kind)) mine.set(kind, new Map());
    return mine.get(kind)!;
  };
  let pausing = false;
  let beat: NodeJS.Timeout | null = null;

  const heartbeat = async () => {
    for (const kind of kinds) {
      const ids = Array.from(of(kind.name).keys());
      if (ids.length) await kind.rows.heartbeat(ids, owner, leaseMs);
    }
  };

  return {
    owner,
    leaseMs,
    has: (kind, id) => of(kind).has(id),
    ids: (kind) => Array.from(of(kind).keys()),
    get pausing() {
      return pausing;
    },
    run(kind, id, onProgress) {
      const jobs = of(kind.name);
      // One line per run (not per batch): which process took which job, for operators and the scale-out test.
      strapi.log.info(`[contacts] ${kind.name} ${id}: run by ${owner}`);
      const running = kind
        .run(id, owner, () => pausing, onProgress)
        .catch((error): JobRunOutcome => {
          strapi.log.error(`[contacts] ${kind.name} ${id}: ${(error as Error).stack}`);
          return 'left';
        })
        .finally(() => jobs.delete(id));
      jobs.set(id, running);
      return running;
    },
    startHeartbeat() {
      pausing = false;
      if (beat) return;
      beat = setInterval(() => heartbeat().catch((e) => strapi.log.warn(`[contacts] heartbeat: ${e.message}`)), Math.max(1000, leaseMs / 3));
      beat.unref();
    },
    async drain() {
      pausing = true;
      for (const kind of kinds) {
        const jobs = of(kind.name);
        const ids = Array.from(jobs.keys());
        await Promise.all(jobs.values());
        if (ids.length) await kind.rows.expireLeases(ids, owner).catch(() => undefined);
      }
      if (beat) clearInterval(beat);
      beat = null;
    },
  };
};
