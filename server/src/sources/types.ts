import type { AddressPolicy } from './addresses';

/** An HTTPS (or HTTP) URL; basic auth when `username` is set, or one custom header (`headerName` + the secret `headerValue`). */
export interface UrlSource {
  kind: 'url';
  url: string;
  username?: string | null;
  headerName?: string | null;
}

/** An SFTP server; `hostFingerprint` ("SHA256:…", as `ssh-keygen -lf` prints it) pins its host key. */
export interface SftpConnection {
  host: string;
  port: number;
  username: string;
  hostFingerprint?: string | null;
}

/** `path`: a file, or a pattern in its last segment (`*`, `?`): the newest matching file is read. */
export interface SftpSource extends SftpConnection {
  kind: 'sftp';
  path: string;
}

export type SourceDefinition = UrlSource | SftpSource;

/** Stored encrypted (secrets/cipher.ts); never in an API answer. */
export interface Secrets {
  password?: string | null;
  headerValue?: string | null;
  privateKey?: string | null;
  passphrase?: string | null;
}

/** What one fetch may cost and reach. */
export interface FetchLimits {
  maxBytes: number;
  /** The whole transfer. */
  timeoutMs: number;
  /** Connecting (and, over HTTP, each silence of the server). */
  connectTimeoutMs: number;
  policy: AddressPolicy;
}

/** What a connection test found. */
export interface ConnectionReport {
  ok: boolean;
  /** The file a run would read now (URL after redirects, or the SFTP path picked). */
  file?: { name: string; size: number | null; modifiedAt?: string | null; origin: string };
  /** SFTP: the server's host key, to pin. */
  hostFingerprint?: string;
  error?: string;
}
