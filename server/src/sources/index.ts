import type { Core } from '@strapi/strapi';
import { utils } from 'ssh2';
import { createAddressPolicy, resolveChecked } from './addresses';
import { SourceFetchError } from './errors';
import { fetchUrl, parseSourceUrl, testUrl } from './http';
import { fetchSftp, testSftp } from './sftp';
import type { ConnectionReport, FetchLimits, Secrets, SftpConnection, SourceDefinition } from './types';
import type { FetchedFile } from './download';

export type { FetchedFile } from './download';
export { discard } from './download';
export { SourceFetchError };
export { testSftpDirectory, uploadSftp } from './sftp';
export type * from './types';

/** Size and time limits as for uploads, and the allow-list of the SSRF guard, from the plugin config. */
export const fetchLimits = (strapi: Core.Strapi): FetchLimits => {
  const config = (key: string) => strapi.config.get(`plugin::contacts.${key}`) as any;
  return {
    maxBytes: config('maxFileSize'),
    timeoutMs: config('sourceTimeoutMs'),
    connectTimeoutMs: config('sourceConnectTimeoutMs'),
    policy: createAddressPolicy(config('sourceAllowList') ?? []),
  };
};

export const fetchSource = (source: SourceDefinition, secrets: Secrets, limits: FetchLimits): Promise<FetchedFile> =>
  source.kind === 'url' ? fetchUrl(source, secrets, limits) : fetchSftp(source, secrets, limits);

export const testSource = (source: SourceDefinition, secrets: Secrets, limits: FetchLimits): Promise<ConnectionReport> =>
  source.kind === 'url' ? testUrl(source, secrets, limits) : testSftp(source, secrets, limits);

/**
 * What can be checked without reading the file: the URL's form, the
 * credentials a source needs, a readable private key, and the host's
 * addresses against the guard (a refused or unresolvable host is a 400 when
 * the source is saved, not a surprise at the first run).
 */
export const checkSource = async (source: SourceDefinition | SftpConnection, secrets: Secrets, limits: FetchLimits) => {
  if ('kind' in source && source.kind === 'url') {
    const url = parseSourceUrl(source.url);
    if (source.headerName && !secrets.headerValue) throw new SourceFetchError('invalid', `credentials.headerValue is required with the header ${source.headerName}`);
    await resolveChecked(url.hostname, limits.policy);
    return;
  }
  const conn = source as SftpConnection;
  if (!secrets.password && !secrets.privateKey) throw new SourceFetchError('invalid', 'SFTP needs credentials.password or credentials.privateKey');
  if (secrets.privateKey) {
    const key = utils.parseKey(secrets.privateKey, secrets.passphrase || undefined);
    if (key instanceof Error) {
      throw new SourceFetchError('invalid', `credentials.privateKey cannot be read (${key.message}): paste an OpenSSH or PEM private key${/passphrase|encrypted/i.test(key.message) ? ' and its passphrase' : ''}`);
    }
  }
  await resolveChecked(conn.host, limits.policy);
};
