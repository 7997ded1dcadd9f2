import { isDeadLocalOwner } from './owner';
import type { JobCandidate, JobKind } from './types';

/**
 * Claims a waiting job or takes an abandoned one over, within the kind's
 * limit: the one decision both queues (database, BullMQ) make before a run.
 */
export const claimJob = (kind: JobKind, candidate: JobCandidate, owner: string, leaseMs: number) =>
  candidate.status === 'in_progress'
    ? kind.rows.takeOver(candidate.id, owner, leaseMs, isDeadLocalOwner(candidate.lease_owner, owner) ? candidate.lease_owner : null, kind.limit)
    : kind.rows.claim(candidate.id, owner, leaseMs, kind.limit);
