import type { Knex } from 'knex';

/**
 * What a SQLite writer on a connection of its own needs from Strapi's.
 *
 * Strapi's transactions begin deferred: one that read before another
 * connection committed fails its first write with SQLITE_BUSY_SNAPSHOT, which
 * no busy timeout retries. So the import's writer thread commits a batch only
 * while it holds Strapi's connection (its pool has one): Strapi's queries wait
 * for the batch, as they did when the batch ran on that connection, but
 * Strapi's thread runs meanwhile and the batch's rows live on the writer's heap.
 */
export const holdConnection = async (knex: Knex): Promise<() => Promise<void>> => {
  const client = (knex as any).client;
  const connection = await client.acquireConnection();
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await client.releaseConnection(connection);
  };
};

const paused = new WeakMap<object, number>();

/**
 * SQLite checkpoints the WAL itself on the commit that passes 1,000 pages: on
 * Strapi's connection during an import that would hold Strapi's thread for a
 * checkpoint of the import's frames. Paused while any import runs on this
 * knex, SQLite's default again when the last one ends.
 */
export const pauseAutoCheckpoints = async (knex: Knex): Promise<() => Promise<void>> => {
  const count = paused.get(knex) ?? 0;
  paused.set(knex, count + 1);
  if (count === 0) await knex.raw('PRAGMA wal_autocheckpoint = 0');
  let resumed = false;
  return async () => {
    if (resumed) return;
    resumed = true;
    const left = (paused.get(knex) ?? 1) - 1;
    paused.set(knex, left);
    if (left === 0) await knex.raw('PRAGMA wal_autocheckpoint = 1000');
  };
};
