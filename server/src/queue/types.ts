/** The job queue (imports and exports), whatever carries it (database leases today, BullMQ later). */
export interface JobQueue {
  /** Starts the periodic tick and the lease heartbeat. */
  start(): void;
  /** Looks for work now (after a start, a resume, or the end of another job). */
  kick(): void;
  /** Stops ticking; running jobs release their lease so another process resumes them at once. */
  stop(): Promise<void>;
  /** Jobs of one kind (default: imports) this process is running now (ids). */
  running(kind?: string): number[];
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
  claim(id: number, owner: string, leaseMs: number): Promise<boolean>;
  takeOver(id: number, owner: string, leaseMs: number, deadOwner: string | null): Promise<boolean>;
  /** A queued job waiting for a slot is marked so (imports: `delayed`); kinds without such a status leave it queued. */
  delay?(id: number): Promise<boolean>;
  heartbeat(ids: number[], owner: string, leaseMs: number): Promise<void>;
  expireLeases(ids: number[], owner: string): Promise<void>;
}

/** One kind of background job on the queue: its rows, how many may run at once, and how one runs to its end. */
export interface JobKind {
  name: string;
  limit: number;
  rows: JobRows;
  /** Runs a claimed job; settles its own outcome (finished, failed, or left for another process). */
  run(id: number, owner: string, shouldPause: () => boolean): Promise<void>;
}
