import type { QueueHealth } from '../../../shared/queue';

export type { QueueHealth };

/** The job queue (imports, exports), whatever carries it (database leases, or BullMQ on Redis). */
export interface JobQueue {
  /** Starts the periodic tick and the lease heartbeat. */
  start(): void;
  /** Looks for work now (after a start, a resume, or the end of another job). */
  kick(): void;
  /** Stops ticking; running jobs release their lease so another process resumes them at once. */
  stop(): Promise<void>;
  /** Jobs of one kind (default: imports) this process is running now (ids). */
  running(kind?: string): number[];
  /** What carries the jobs now, for the settings page. */
  health(): QueueHealth;
}

/** A job row as the tick sees it. */
export interface JobCandidate {
  id: number;
  status: string;
  lease_owner: string | null;
  lease_expires_at: unknown;
}

/** The rows of one kind of job and their lease transitions (conditional updates: true when this owner won). */
export interface JobRows {
  /** Runnable and running jobs, oldest first. */
  active(): Promise<JobCandidate[]>;
  /** A runnable job → running under this owner, while fewer than `limit` jobs of the table hold a slot (default: no limit). */
  claim(id: number, owner: string, leaseMs: number, limit?: number): Promise<boolean>;
  /** A running job whose lease expired (or whose owner died) → this owner, while fewer than `limit` others hold a live lease. */
  takeOver(id: number, owner: string, leaseMs: number, deadOwner: string | null, limit?: number): Promise<boolean>;
  /** A queued job waiting for a slot is marked so (imports: `delayed`); kinds without such a status leave it queued. */
  delay?(id: number): Promise<boolean>;
  heartbeat(ids: number[], owner: string, leaseMs: number): Promise<void>;
  expireLeases(ids: number[], owner: string): Promise<void>;
}

/** Progress of a running job, as its row's counters say after a committed batch. */
export interface JobProgress {
  processed: number;
  total: number;
}

/** One kind of background job on the queue: its rows, how many may run at once, and how one runs to its end. */
export interface JobKind {
  name: string;
  limit: number;
  rows: JobRows;
  /**
   * Runs a claimed job; settles its own outcome (finished, failed, or left for another process).
   * Resolves `left` when it stopped without an end because `shouldPause` said so or the lease was lost.
   */
  run(id: number, owner: string, shouldPause: () => boolean, onProgress?: (p: JobProgress) => void): Promise<JobRunOutcome>;
}

/** `ended`: finished, failed or stopped by a person; `left`: still to be run (shutdown, or the lease went to another process). */
export type JobRunOutcome = 'ended' | 'left';
