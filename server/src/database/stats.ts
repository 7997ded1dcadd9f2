import type { Knex } from 'knex';
import type { Dialect } from './dialect';

/** Rows a table must gain before its first refresh: below it any plan is fast. */
const GROWTH_MIN = 5_000;

/** What an import's batch loop tells about the table it fills. */
export interface GrowthTracker {
  /** After a batch: `rows` more in the table. Starts a refresh when due, without waiting for it. */
  grew(rows: number): void;
  /** Resolves once the refresh in flight, if any, has ended (before the loop leaves its connection). */
  settled(): Promise<void>;
}

/**
 * Keeps the planner's picture of a table that an import is filling close to
 * the truth. Postgres plans each batch's look-ups (the key pre-select, the
 * history's document-id range) on the size it last sampled: measured on an
 * empty base, the pre-select became a scan of the whole table, 5 → 30 ms a
 * batch and growing, until autovacuum sampled it. The table is analyzed each
 * time it has grown by as many rows as the planner believes it holds
 * (5k, 10k, 20k…: a handful of ANALYZEs for a 1M import, none for a small
 * import into a big base).
 * The refresh runs beside the batches, on another connection of the pool
 * (ANALYZE's lock does not block inserts): awaited between two batches it
 * was 1.9 s of 13.5 s of writing on 200k rows. A refresh that fails leaves
 * the old statistics: it is an optimisation, never an import error.
 */
export const trackGrowth = async (knex: Knex, dialect: Dialect, table: string): Promise<GrowthTracker> => {
  let planned = await dialect.plannedRows(knex, table);
  let grown = 0;
  let running: Promise<void> | null = null;
  const refresh = async () => {
    await dialect.refreshStats(knex, table);
    planned = (await dialect.plannedRows(knex, table)) ?? 0;
  };
  return {
    grew(rows) {
      if (planned === null) return;
      grown += rows;
      if (running || grown < Math.max(GROWTH_MIN, planned)) return;
      grown = 0;
      running = refresh()
        .catch(() => undefined)
        .finally(() => {
          running = null;
        });
    },
    settled: async () => {
      await running;
    },
  };
};
