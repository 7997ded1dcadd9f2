import type { Core } from '@strapi/strapi';
import { claimJob } from './claim';
import { isAbandoned } from './owner';
import type { Runs } from './runs';
import type { JobKind, JobQueue } from './types';

export interface DbQueueOptions {
  tickSeconds: number;
}

/**
 * Default queue: the job rows (imports, exports) are the jobs. Every tick
 * looks at the rows of each kind and claims what it may (a conditional
 * UPDATE that sets a lease and counts the kind's slots, see leases.ts); the
 * heartbeat extends the leases; an expired lease (or one held by a dead
 * process on this host) is taken over and the job resumes from its cursor.
 * Safe with several Strapi instances and workers on one database. Each kind
 * has its own limit: a long export does not hold an import back.
 */
export const createDbQueue = (strapi: Core.Strapi, kinds: JobKind[], runs: Runs, opts: DbQueueOptions): JobQueue => {
  let ticking: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  let tickTimer: NodeJS.Timeout | null = null;

  const launch = (kind: JobKind, id: number) => {
    void runs.run(kind, id).finally(() => {
      if (!stopped) queue.kick();
    });
  };

  const tickKind = async (kind: JobKind) => {
    const rows = await kind.rows.active();
    const running = rows.filter((r) => r.status === 'in_progress');
    // Abandoned runs first: they were started before anything still waiting (taking one over adds no running job).
    for (const c of running.filter((r) => isAbandoned(r, runs.owner) && !runs.has(kind.name, r.id))) {
      if (stopped) return;
      if (await claimJob(kind, c, runs.owner, runs.leaseMs)) launch(kind, c.id);
    }
    // A hint only (the claim itself enforces the limit): no claim is tried once every slot looks taken.
    let slots = kind.limit - running.length;
    for (const c of rows.filter((r) => r.status !== 'in_progress')) {
      if (stopped) return;
      if (slots > 0 && (await claimJob(kind, c, runs.owner, runs.leaseMs))) {
        slots -= 1;
        launch(kind, c.id);
        continue;
      }
      slots = 0;
      if (c.status === 'queued' && kind.rows.delay) await kind.rows.delay(c.id);
    }
  };

  const tick = async () => {
    for (const kind of kinds) await tickKind(kind);
  };

  const queue: JobQueue = {
    start() {
      if (!stopped) return;
      stopped = false;
      runs.startHeartbeat();
      tickTimer = setInterval(() => queue.kick(), opts.tickSeconds * 1000);
      tickTimer.unref();
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
    /** Stops ticking; the runs this queue started go on (see Runs.drain for a shutdown). */
    async stop() {
      stopped = true;
      if (tickTimer) clearInterval(tickTimer);
      tickTimer = null;
      await ticking;
    },
    running: (kind = 'import') => runs.ids(kind),
    health: () => ({ queue: 'database', runsJobs: true }),
  };
  return queue;
};
