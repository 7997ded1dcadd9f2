import type { Core } from '@strapi/strapi';
import { bulkWriterFor } from '../database/bulk';
import type { JobRows } from './types';

/**
 * The lease transitions every job table shares (imports, exports): one
 * conditional UPDATE each, so two workers or two instances racing on a row
 * cannot both win. `runnable`: the statuses a worker may claim.
 */
export const leaseTransitions = (strapi: Core.Strapi, table: () => string, runnable: readonly string[]): Omit<JobRows, 'active' | 'delay'> => {
  const rows = () => strapi.db.connection(table());
  const at = (ms: number) => bulkWriterFor(strapi.db.dialect.client).timestamp(new Date(Date.now() + ms)) as any;
  const applied = (n: number) => n === 1;
  return {
    claim: async (id, owner, leaseMs) =>
      applied(
        await rows().where({ id }).whereIn('status', [...runnable]).update({ status: 'in_progress', lease_owner: owner, lease_expires_at: at(leaseMs), error: null })
      ),
    takeOver: async (id, owner, leaseMs, deadOwner) =>
      applied(
        await rows()
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
