import crypto from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import { MappingError } from '../import/map';
import { runImport } from '../import/runner';
import { createImportRepository } from '../import/repository';
import type { JobCandidate, JobKind, JobQueue } from './types';

export interface DbQueueOptions {
  parallelImportLimit: number;
  leaseSeconds: number;
  tickSeconds: number;
  batchSize: number;
  defaultCountry?: string;
  /** Called when an import ends (imported, failed or stopped). */
  onFinished?: (importId: number, outcome: 'imported' | 'failed' | 'stopped') => Promise<void> | void;
  /** Other kinds of jobs on the same queue (exports), each with its own limit. */
  kinds?: JobKind[];
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Default queue: the import (and export) rows are the jobs. A worker claims
 * one with a conditional UPDATE that sets a lease; the heartbeat extends it;
 * an expired lease (or one held by a dead process on this host) is taken over
 * and the job resumes from its cursor. Safe with several Strapi instances on
 * one database. Each kind has its own limit: a long export does not hold an
 * import back.
 */
export const createDbQueue = (strapi: Core.Strapi, opts: DbQueueOptions): JobQueue => {
  const owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  const imports = createImportRepository(strapi);
  /** Running jobs by kind, then id (import and export ids overlap). */
  const mine = new Map<string, Map<number, Promise<void>>>();
  let ticking: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let tickTimer: NodeJS.Timeout | null = null;
  let beatTimer: NodeJS.Timeout | null = null;


  /** A lease held by a process of this host that no longer exists can be taken at once. */
  const deadLocalOwner = (leaseOwner: string | null) => {
    if (!leaseOwner) return false;
    const [host, pid] = leaseOwner.split(':');
    return host === os.hostname() && leaseOwner !== owner && !isAlive(Number(pid));
  };

  const leaseMs = opts.leaseSeconds * 1000;
  const claim = (kind: JobKind, candidate: JobCandidate) =>
    candidate.status === 'in_progress'
      ? kind.rows.takeOver(candidate.id, owner, leaseMs, deadLocalOwner(candidate.lease_owner) ? candidate.lease_owner : null)
      : kind.rows.claim(candidate.id, owner, leaseMs);

  const finish = async (id: number, outcome: 'imported' | 'failed' | 'stopped') => {
    try {
      await opts.onFinished?.(id, outcome);
    } catch (error) {
      strapi.log.error(`[contacts] after import ${id}: ${(error as Error).message}`);
    }
  };

  const runImportJob = async (id: number) => {
    try {
      const outcome = await runImport(strapi, id, owner, {
        batchSize: opts.batchSize,
        defaultCountry: opts.defaultCountry,
        shouldPause: () => stopped,
      });
      if (outcome !== 'lost') await finish(id, outcome);
    } catch (error) {
      const message = error instanceof MappingError ? error.message : `Import failed: ${(error as Error).message}`;
      if (!(error instanceof MappingError)) strapi.log.error(`[contacts] import ${id} failed: ${(error as Error).stack}`);
      if (await imports.fail(id, owner, message).catch(() => false)) await finish(id, 'failed');
    }
  };

  const kinds: JobKind[] = [
    {
      name: 'import',
      limit: opts.parallelImportLimit,
      rows: { ...imports, active: () => imports.active() as Promise<JobCandidate[]> },
      run: (id) => runImportJob(id),
    },
    ...(opts.kinds ?? []),
  ];
  const running = (kind: string) => {
    if (!mine.has(kind)) mine.set(kind, new Map());
    return mine.get(kind)!;
  };

  const launch = (kind: JobKind, id: number) => {
    const jobs = running(kind.name);
    jobs.set(
      id,
      kind
        .run(id, owner, () => stopped)
        .catch((error) => {
          strapi.log.error(`[contacts] ${kind.name} ${id}: ${(error as Error).stack}`);
        })
        .finally(() => {
          jobs.delete(id);
          if (!stopped) queue.kick();
        })
    );
  };

  const expired = (r: JobCandidate) => {
    const t = r.lease_expires_at === null ? 0 : new Date(r.lease_expires_at as any).getTime();
    return t < Date.now() || deadLocalOwner(r.lease_owner);
  };

  const tickKind = async (kind: JobKind) => {
    const rows = await kind.rows.active();
    const jobs = running(kind.name);
    const active = rows.filter((r) => r.status === 'in_progress' && !expired(r)).length;
    let slots = kind.limit - active;
    // Abandoned runs first: they were started before anything still waiting.
    const candidates = [...rows.filter((r) => r.status === 'in_progress' && expired(r)), ...rows.filter((r) => r.status !== 'in_progress')];
    for (const c of candidates) {
      if (slots <= 0) {
        if (c.status === 'queued' && kind.rows.delay) await kind.rows.delay(c.id);
        continue;
      }
      if (jobs.has(c.id)) continue;
      if (await claim(kind, c)) {
        slots -= 1;
        launch(kind, c.id);
      }
    }
  };

  const tick = async () => {
    for (const kind of kinds) await tickKind(kind);
  };

  const heartbeat = async () => {
    for (const kind of kinds) {
      const ids = Array.from(running(kind.name).keys());
      if (ids.length) await kind.rows.heartbeat(ids, owner, leaseMs);
    }
  };

  const queue: JobQueue = {
    start() {
      stopped = false;
      tickTimer = setInterval(() => queue.kick(), opts.tickSeconds * 1000);
      beatTimer = setInterval(() => heartbeat().catch((e) => strapi.log.warn(`[contacts] heartbeat: ${e.message}`)), Math.max(1000, (opts.leaseSeconds * 1000) / 3));
      tickTimer.unref();
      beatTimer.unref();
      queue.kick();
    },
    kick() {
      if (stopped) return;
      if (ticking) {
        again = true;
        return;
      }
      ticking = tick()
        .catch((error) => {
          strapi.log.warn(`[contacts] queue tick: ${error.message}`);
        })
        .finally(() => {
          ticking = null;
          if (again) {
            again = false;
            queue.kick();
          }
        });
    },
    async stop() {
      stopped = true;
      if (tickTimer) clearInterval(tickTimer);
      if (beatTimer) clearInterval(beatTimer);
      await ticking;
      // Runs leave after their current batch; then their leases are expired so
      // the next process resumes them without waiting.
      for (const kind of kinds) {
        const jobs = running(kind.name);
        const ids = Array.from(jobs.keys());
        await Promise.all(jobs.values());
        if (ids.length) await kind.rows.expireLeases(ids, owner).catch(() => undefined);
      }
    },
    running: (kind = 'import') => Array.from(running(kind).keys()),
  };
  return queue;
};
