import crypto from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import { MappingError } from '../import/map';
import { runImport } from '../import/runner';
import { createImportRepository } from '../import/repository';
import type { JobQueue } from './types';

export interface DbQueueOptions {
  parallelImportLimit: number;
  leaseSeconds: number;
  tickSeconds: number;
  batchSize: number;
  defaultCountry?: string;
  /** Called when an import ends (imported, failed or stopped). */
  onFinished?: (importId: number, outcome: 'imported' | 'failed' | 'stopped') => Promise<void> | void;
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
 * Default queue: the import rows are the jobs. A worker claims one with a
 * conditional UPDATE that sets a lease; the heartbeat extends it; an expired
 * lease (or one held by a dead process on this host) is taken over and the
 * import resumes from its cursor. Safe with several Strapi instances on one
 * database.
 */
export const createDbQueue = (strapi: Core.Strapi, opts: DbQueueOptions): JobQueue => {
  const owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  const imports = createImportRepository(strapi);
  const mine = new Map<number, Promise<void>>();
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
  const claim = (candidate: { id: number; status: string; lease_owner: string | null }) =>
    candidate.status === 'in_progress'
      ? imports.takeOver(candidate.id, owner, leaseMs, deadLocalOwner(candidate.lease_owner) ? candidate.lease_owner : null)
      : imports.claim(candidate.id, owner, leaseMs);

  const finish = async (id: number, outcome: 'imported' | 'failed' | 'stopped') => {
    try {
      await opts.onFinished?.(id, outcome);
    } catch (error) {
      strapi.log.error(`[contacts] after import ${id}: ${(error as Error).message}`);
    }
  };

  const run = async (id: number) => {
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
    } finally {
      mine.delete(id);
      if (!stopped) queue.kick();
    }
  };

  const tick = async () => {
    const rows = await imports.active();
    const expired = (r: any) => {
      const t = r.lease_expires_at === null ? 0 : new Date(typeof r.lease_expires_at === 'number' ? r.lease_expires_at : r.lease_expires_at).getTime();
      return t < Date.now() || deadLocalOwner(r.lease_owner);
    };
    const active = rows.filter((r: any) => r.status === 'in_progress' && !expired(r)).length;
    let slots = opts.parallelImportLimit - active;
    // Abandoned runs first: they were started before anything still waiting.
    const candidates = [
      ...rows.filter((r: any) => r.status === 'in_progress' && expired(r)),
      ...rows.filter((r: any) => r.status !== 'in_progress'),
    ];
    for (const c of candidates) {
      if (slots <= 0) {
        if (c.status === 'queued') await imports.delay(c.id);
        continue;
      }
      if (mine.has(c.id)) continue;
      if (await claim(c)) {
        slots -= 1;
        mine.set(c.id, run(c.id));
      }
    }
  };

  const heartbeat = async () => {
    if (!mine.size) return;
    await imports.heartbeat(Array.from(mine.keys()), owner, leaseMs);
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
      const ids = Array.from(mine.keys());
      await Promise.all(mine.values());
      if (ids.length) {
        await imports.expireLeases(ids, owner).catch(() => undefined);
      }
    },
    running: () => Array.from(mine.keys()),
  };
  return queue;
};
