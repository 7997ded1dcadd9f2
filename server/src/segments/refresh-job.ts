import type { Core } from '@strapi/strapi';
import { leaseTransitions } from '../queue/leases';
import type { JobKind } from '../queue/types';
import { getService } from '../utils/get-service';
import { createRefreshJobs, REFRESH_RUNNABLE_STATUSES, type RefreshAllResult, type RefreshJob } from './refresh-jobs';

/**
 * One refresh at a time across every process on the database: refreshes are
 * set-based statements over the whole contacts table, and two of them on one
 * segment (a refresh of all and one of it) must not interleave.
 */
export const REFRESH_PARALLEL_LIMIT = 1;

/** Segment refreshes as a kind of job on the queue (database leases or BullMQ), like imports and exports. */
export const refreshJobKind = (strapi: Core.Strapi): JobKind => {
  const jobs = createRefreshJobs(strapi);
  const segments = () => getService('segments');

  /** Every dynamic segment in dependency order, from where an earlier run of this job left. */
  const refreshEvery = async (job: RefreshJob, owner: string, shouldPause: () => boolean): Promise<RefreshAllResult | 'left'> => {
    const order = await segments().dynamicInOrder();
    if (job.onlyIfFewerThan !== null && order.length >= job.onlyIfFewerThan) return { refreshed: 0, skipped: order.length, done: [] };
    const result: RefreshAllResult = (job.result as RefreshAllResult | null)?.done ? (job.result as RefreshAllResult) : { refreshed: 0, skipped: 0, done: [] };
    for (const id of order) {
      if (result.done.includes(id)) continue;
      if (shouldPause()) return 'left';
      try {
        await segments().refreshNow(id);
        result.refreshed += 1;
      } catch (error) {
        // One segment's failure is its own (stored in its lastRefresh); the others are refreshed all the same.
        strapi.log.warn(`[contacts] refresh of segment ${id}: ${(error as Error).message}`);
      }
      result.done.push(id);
      if (!(await jobs.progress(job.id, owner, result))) return 'left';
      // SQLite's statements are synchronous and resolve in microtasks: without a macrotask break the
      // 11 default segments of a 1M base held Strapi's thread 22.5 s in one piece after each import.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return result;
  };

  return {
    name: 'refresh',
    limit: REFRESH_PARALLEL_LIMIT,
    rows: { ...leaseTransitions(strapi, jobs.table, REFRESH_RUNNABLE_STATUSES), active: jobs.active },
    async run(id, owner, shouldPause) {
      const job = await jobs.load(id);
      if (!job || job.status !== 'in_progress') return 'ended';
      try {
        const result = job.segmentId === null ? await refreshEvery(job, owner, shouldPause) : await segments().refreshNow(job.segmentId);
        if (result === 'left') return 'left';
        if (result === null) return (await jobs.fail(id, owner, 'The segment was deleted or is not dynamic')) ? 'ended' : 'left';
        return (await jobs.finish(id, owner, result)) ? 'ended' : 'left';
      } catch (error) {
        return (await jobs.fail(id, owner, (error as Error).message).catch(() => false)) ? 'ended' : 'left';
      }
    },
  };
};
