import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { bulkWriterFor } from '../database/bulk';
import { isUniqueViolation } from '../database/dialect';
import { LOCKS_TABLE } from '../database/locks';
import type { JobRows } from './types';

/**
 * The lease transitions every job table shares (imports, exports): one
 * conditional UPDATE each, so two workers or two instances racing on a row
 * cannot both win. `runnable`: the statuses a worker may claim.
 *
 * A claim also enforces the kind's limit across every process on the
 * database: it runs in a short transaction that first locks the table's row
 * in `contacts_locks` (a row lock on Postgres and MySQL, the write lock on
 * SQLite), so claims of one table are serialized and each one counts the
 * slots the committed ones took. A slot is taken by a running job (even one
 * whose worker died, until it is taken over) and by a live lease (a stopped
 * run finishing its batch).
 */
export const leaseTransitions = (strapi: Core.Strapi, table: () => string, runnable: readonly string[]): Omit<JobRows, 'active' | 'delay'> => {
  const knex = () => strapi.db.connection;
  const rows = (db: Knex = knex()) => db(table());
  const at = (ms: number) => bulkWriterFor(strapi.db.dialect.client).timestamp(new Date(Date.now() + ms)) as any;
  const applied = (n: number) => n === 1;
  const lockName = () => `queue:${table()}`;

  let lockRow: Promise<void> | null = null;
  const ensureLockRow = () =>
    (lockRow ??= knex()(LOCKS_TABLE)
      .insert({ name: lockName(), at: Date.now() })
      .then(() => undefined)
      .catch((error) => {
        if (!isUniqueViolation(error)) {
          lockRow = null;
          throw error;
        }
      }));

  /** Runs `claim` when fewer than `limit` other rows hold a slot (`liveOnly`: only live leases count). */
  const withinLimit = async (id: number, limit: number, liveOnly: boolean, claim: (db: Knex) => Promise<number>) => {
    if (!Number.isFinite(limit)) return applied(await claim(knex()));
    await ensureLockRow();
    return knex().transaction(async (trx) => {
      await trx(LOCKS_TABLE).where({ name: lockName() }).update({ at: Date.now() });
      const [{ n }] = await rows(trx)
        .whereNot({ id })
        .andWhere((w) => {
          w.where((live) => live.whereNotNull('lease_owner').andWhere('lease_expires_at', '>=', at(0)));
          if (!liveOnly) w.orWhere({ status: 'in_progress' });
        })
        .count({ n: '*' });
      if (Number(n) >= limit) return false;
      return applied(await claim(trx));
    });
  };

  return {
    claim: (id, owner, leaseMs, limit = Infinity) =>
      withinLimit(id, limit, false, (trx) =>
        rows(trx).where({ id }).whereIn('status', [...runnable]).update({ status: 'in_progress', lease_owner: owner, lease_expires_at: at(leaseMs), error: null })
      ),
    // Taking a running job over does not add a running one: only live leases count against the limit.
    takeOver: (id, owner, leaseMs, deadOwner, limit = Infinity) =>
      withinLimit(id, limit, true, (trx) =>
        rows(trx)
          .where({ id, status: 'in_progress' })
          .andWhere((w) => {
            w.whereNull('lease_expires_at').orWhere('lease_expires_at', '<', at(0));
            if (deadOwner) w.orWhere({ lease_owner: deadOwner });
          })
          .update({ lease_owner: owner, lease_expires_at: at(leaseMs), error: null })
      ),
    heartbeat: async (ids, owner, leaseMs) => {
      if (ids.length) await rows().whereIn('id', ids).andWhere({ lease_owner: owner }).update({ lease_expires_at: at(leaseMs) });
    },
    expireLeases: async (ids, owner) => {
      if (ids.length) await rows().whereIn('id', ids).andWhere({ lease_owner: owner }).update({ lease_expires_at: at(0) });
    },
  };
};
