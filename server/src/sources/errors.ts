/**
 * Why a source could not be read. `refused` (the SSRF guard) and `invalid`
 * (the definition itself) are the person's to fix: a 400 where an API call
 * meets them. `too_large` is a 413. `remote` (unreachable, 404, bad
 * password, timeout) is what a run or a connection test reports.
 */
export type SourceFailure = 'refused' | 'invalid' | 'too_large' | 'remote';

export class SourceFetchError extends Error {
  constructor(
    readonly failure: SourceFailure,
    message: string,
    readonly details: Record<string, unknown> = {}
  ) {
    super(message);
    this.name = 'SourceFetchError';
  }
}

/** A socket or SSH error in words a person can act on. */
export const remoteError = (error: unknown, what: string): SourceFetchError => {
  if (error instanceof SourceFetchError) return error;
  const e = error as NodeJS.ErrnoException & { level?: string };
  const code = e?.code;
  const reason =
    code === 'ECONNREFUSED'
      ? 'the connection was refused (nothing listens on that port)'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'the host name does not resolve'
        : code === 'ETIMEDOUT'
          ? 'the connection timed out'
          : code === 'ECONNRESET'
            ? 'the connection was reset'
            : e?.level === 'client-authentication'
              ? 'the server refused the user name or its password / key'
              : e?.message || String(error);
  return new SourceFetchError('remote', `${what}: ${reason}`, code ? { code } : {});
};
