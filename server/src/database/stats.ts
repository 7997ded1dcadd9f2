import type { Knex } from 'knex';
import type { Dialect } from './dialect';

/** Rows a table must gain before its first refresh: below it any plan is fast. */
const GROWTH_MIN = 5_000;

/**
 * Keeps the planner's picture of a table that an import is filling close to
 * the truth. Postgres plans each batch's look-ups (the key pre-select, the
 * history's document-id range) on the size it last sampled: measured on an
 * empty base, the pre-select became a scan of the whole table, 5 → 30 ms a
 * batch and growing, until autovacuum sampled it. The table is analyzed each
 * time it has grown by as many rows as the planner believes it holds
 * (5k, 10k, 20k…: a handful of ANALYZEs for a 1M import, none for a small
 * import into a big base). Between batches, outside their transactions.
 */
export const trackGrowth = async (knex: Knex, dialect: Dialect, table: string) => {
  let planned = await dialect.plannedRows(knex, table);
  let grown = 0;
  return async (rows: number) => {
    if (planned === null) return;
    grown += rows;
    if (grown < Math.max(GROWTH_MIN, planned)) return;
    await dialect.refreshStats(knex, table);
    planned = (await dialect.plannedRows(knex, table)) ?? 0;
    grown = 0;
  };
};
