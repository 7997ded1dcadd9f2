import type { SecretKey } from '../constants';
import type { AddressPolicy } from './addresses';

/** Sources and connection reports are part of the admin API: declared in shared/schedules.ts. */
export type { ConnectionReport, SftpConnection, SftpSource, SourceDefinition, UrlSource } from '../constants';

/** Stored encrypted (secrets/cipher.ts); never in an API answer. */
export type Secrets = Partial<Record<SecretKey, string | null>>;

/** What one fetch may cost and reach. */
export interface FetchLimits {
  maxBytes: number;
  /** The whole transfer. */
  timeoutMs: number;
  /** Connecting (and, over HTTP, each silence of the server). */
  connectTimeoutMs: number;
  policy: AddressPolicy;
}
