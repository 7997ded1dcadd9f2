import { isMainThread } from 'worker_threads';
import type { Knex } from 'knex';
import type { BulkWriter } from '../database/bulk';
import { isTransientConflict, type Dialect } from '../database/dialect';
import { trackGrowth } from '../database/stats';
import type { CounterDelta, ImportTimings } from './types';
import type { BatchSource } from './worker';
import { workerScript } from './worker-script';
import { LeaseLostError, writeBatch, type WriteSettings } from './write';

/** Attempts of one batch's transaction when the database gives up on it for another transaction's sake. */
const BATCH_ATTEMPTS = 5;

/**
 * A batch is one transaction (rows, counters, cursor), so running it again
 * after a deadlock or a lock timeout (MySQL: a segment refresh reading the
 * contacts the batch writes) writes it once: nothing is counted twice.
 */
const writeRetrying = async <T>(write: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= BATCH_ATTEMPTS || !isTransientConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
};

/** Where a run of the batch loop left its import. `end`: every row written, the import still to be marked finished. */
export type LoopOutcome = 'end' | 'stopped' | 'lost';

export interface LoopResult {
  outcome: LoopOutcome;
  /** Data rows in the source (on `end`). */
  total?: number;
  /** Rows processed over every run so far. */
  processed: number;
  /** The import's timings, as JSON, to store with its final status. */
  timings: string;
}

export interface LoopContext {
  knex: Knex;
  bulk: BulkWriter;
  dialect: Dialect;
  settings: WriteSettings;
  batches: BatchSource;
  /** Rows processed by earlier runs, and the import's timings so far. */
  processed: number;
  timings: ImportTimings;
  sqliteWal: boolean;
  /** After each committed batch (progress, caches). */
  onBatch(p: { delta: CounterDelta; processed: number; total: number }): void;
  /** True when the process is shutting down: leave after the current batch, keeping the import in progress. */
  shouldPause(): boolean;
  /** Runs each batch's transaction (SQLite's writer thread: while Strapi's connection is held, database/sqlite-gate.ts). */
  exclusive?<T>(write: () => Promise<T>): Promise<T>;
}

/**
 * Writes batches until the source ends, a person stops the import, or this
 * worker loses it: one transaction per batch (write.ts), the status re-read
 * between batches so a stop takes effect after the current one. Runs on
 * Strapi's connection, or in the writer thread on a connection of its own.
 */
export const writeAll = async (ctx: LoopContext): Promise<LoopResult> => {
  const { knex, bulk, settings: s, batches, timings } = ctx;
  const runStart = Date.now();
  const firstStart = timings.startedAt ? Date.parse(timings.startedAt) : runStart;
  timings.startedAt = timings.startedAt ?? new Date(runStart).toISOString();
  timings.runs = (timings.runs ?? 0) + 1;
  const activeBefore = timings.activeSeconds ?? 0;
  const perMinute = new Map<number, number>(timings.perMinute ?? []);
  let waitMs = (timings.waitSeconds ?? 0) * 1000;
  let writeMs = (timings.writeSeconds ?? 0) * 1000;
  let processed = ctx.processed;
  const saveTimings = () => {
    timings.perMinute = Array.from(perMinute.entries()).sort((a, b) => a[0] - b[0]);
    timings.activeSeconds = activeBefore + (Date.now() - runStart) / 1000;
    timings.waitSeconds = Math.round(waitMs) / 1000;
    timings.writeSeconds = Math.round(writeMs) / 1000;
    return JSON.stringify(timings);
  };
  const leave = (outcome: LoopOutcome, total?: number): LoopResult => ({ outcome, total, processed, timings: saveTimings() });

  const growth = await trackGrowth(knex, ctx.dialect, s.tables.contacts);
  // prepare (it may switch the journal) and finish (its checkpoint waits for readers while it blocks writers) are held like a batch.
  const exclusive = <T>(write: () => Promise<T>) => (ctx.exclusive ? ctx.exclusive(write) : write());
  // Paired with finish() below, whatever happens. Helper threads (SQLite's checkpointer) keep Strapi's thread free:
  // a writer in a thread of its own runs that work itself, on its own connection.
  const threadScript = isMainThread ? workerScript() : null;
  await exclusive(() => bulk.prepare(knex, { sqliteWal: ctx.sqliteWal, threadScript }));
  try {
    for (;;) {
      const waited = performance.now();
      const next = await batches.next();
      waitMs += performance.now() - waited;
      if ('end' in next) {
        timings.finishedAt = new Date().toISOString();
        return leave('end', next.end.total);
      }
      // Every row of the batch counts as processed; its timings are saved with its counters.
      const rows = next.batch.contacts.length + next.batch.failed.length;
      const minute = Math.floor((Date.now() - firstStart) / 60000);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + rows);
      const writing = performance.now();
      const delta = await exclusive(() => writeRetrying(() => writeBatch(knex, bulk, s, next.batch, { timings: saveTimings() })));
      batches.ack();
      await bulk.afterBatch(knex);
      if (delta.created) growth.grew(delta.created);
      writeMs += performance.now() - writing;
      // better-sqlite3 resolves every query in microtasks: without a macrotask
      // break the whole import would run before any HTTP request is served.
      await new Promise((resolve) => setImmediate(resolve));
      processed += delta.processed;
      const current = await s.rows.state(s.importId);
      ctx.onBatch({ delta, processed, total: current?.total ?? 0 });
      if (current?.lease_owner !== s.leaseOwner) return leave('lost');
      if (current.status !== 'in_progress') return leave('stopped');
      if (ctx.shouldPause()) return leave('lost');
    }
  } catch (error) {
    if (error instanceof LeaseLostError) return leave('lost');
    throw error;
  } finally {
    await batches.close();
    await growth.settled();
    await exclusive(() => bulk.finish(knex));
  }
};
