import type { Knex } from 'knex';
import type { ImportStatus } from '../constants';
import { bulkWriterFor } from '../database/bulk';
import type { CounterDelta, ImportCursor } from './types';

/**
 * What the batch loop reads and writes of its import row, on any connection
 * (Strapi's, or the writer thread's own): the status and lease between
 * batches, the counters and cursor inside each batch's transaction.
 */
export interface BatchRows {
  /** Status and lease of one import (read between batches). */
  state(id: number): Promise<{ status: ImportStatus; lease_owner: string | null; total: number } | undefined>;
  /** Counters and cursor of a batch, in the batch's transaction, only while this owner holds the lease. */
  recordBatch(trx: Knex.Transaction, id: number, owner: string, delta: CounterDelta, cursor: ImportCursor, timings?: string): Promise<boolean>;
}

export const batchRows = (knex: () => Knex, client: string, table: () => string): BatchRows => {
  const bulk = bulkWriterFor(client);
  return {
    state: (id) => knex()(table()).where({ id }).first('status', 'lease_owner', 'total'),
    recordBatch: async (trx, id, owner, delta, cursor, timings) =>
      (await trx(table())
        .where({ id, lease_owner: owner })
        .update({
          processed: trx.raw('processed + ?', [delta.processed]),
          created: trx.raw('created + ?', [delta.created]),
          updated: trx.raw('updated + ?', [delta.updated]),
          unchanged: trx.raw('unchanged + ?', [delta.unchanged]),
          skipped: trx.raw('skipped + ?', [delta.skipped]),
          failed: trx.raw('failed + ?', [delta.failed]),
          warnings: trx.raw('warnings + ?', [delta.warnings]),
          cursor: JSON.stringify(cursor),
          ...(timings ? { timings } : {}),
          updated_at: bulk.timestamp(new Date()) as any,
        })) === 1,
  };
};
