/** The import queue, whatever carries it (database leases today, BullMQ later). */
export interface JobQueue {
  /** Starts the periodic tick and the lease heartbeat. */
  start(): void;
  /** Looks for work now (after a start, a resume, or the end of another import). */
  kick(): void;
  /** Stops ticking; running imports release their lease so another process resumes them at once. */
  stop(): Promise<void>;
  /** Imports this process is running now (ids). */
  running(): number[];
}
