import type { Knex } from 'knex';
import { isUniqueViolation } from './dialect';
import { ensurePlainTable } from './plain-table';

export const LOCKS_TABLE = 'contacts_locks';

/** A plain table, like the history: Strapi leaves tables it did not create alone. */
export const ensureLocksTable = (knex: Knex) =>
  ensurePlainTable(knex, LOCKS_TABLE, (t) => {
    t.string('name', 191).primary();
    t.bigInteger('at').notNullable();
  });

/**
 * Claims `name` once, across every Strapi instance on the database: the
 * first insert of the name wins, the others see it taken. A schedule names
 * the lock after its due time, so each due time runs once.
 */
export const claimOnce = async (knex: Knex, name: string): Promise<boolean> => {
  try {
    await knex(LOCKS_TABLE).insert({ name, at: Date.now() });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
};

/** Claims older than `ms` are history: remove them. */
export const pruneClaims = async (knex: Knex, ms: number) => {
  await knex(LOCKS_TABLE).where('at', '<', Date.now() - ms).delete();
};
