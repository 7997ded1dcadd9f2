/** GET /contacts/settings/health: what carries imports and exports in the process that answers. */
export interface QueueHealth {
  /** `redis`: BullMQ carries the jobs; `database`: the database queue does (no Redis configured, or Redis down). */
  queue: 'redis' | 'database';
  /** Whether this process runs jobs (`runJobs`), or only enqueues them for `strapi-contacts worker` processes. */
  runsJobs: boolean;
  /** Absent without a Redis URL. */
  redis?: { ok: boolean; error: string | null; since: string | null };
}
