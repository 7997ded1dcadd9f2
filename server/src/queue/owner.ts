import crypto from 'crypto';
import os from 'os';
import type { JobCandidate } from './types';

/** A lease owner names its host and process, so a process of the same host can tell a dead owner at once. */
export const newLeaseOwner = () => `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** A lease held by a process of this host that no longer exists can be taken at once. */
export const isDeadLocalOwner = (leaseOwner: string | null, self: string) => {
  if (!leaseOwner || leaseOwner === self) return false;
  const [host, pid] = leaseOwner.split(':');
  return host === os.hostname() && !isAlive(Number(pid));
};

export const leaseExpiresAt = (r: JobCandidate) => (r.lease_expires_at === null || r.lease_expires_at === undefined ? 0 : new Date(r.lease_expires_at as any).getTime());

/** A running job nobody heart-beats any more (or whose owner died on this host): it may be taken over. */
export const isAbandoned = (r: JobCandidate, self: string) => leaseExpiresAt(r) < Date.now() || isDeadLocalOwner(r.lease_owner, self);
