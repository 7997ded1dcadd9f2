import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { pipeline } from 'stream/promises';
import { Client, type SFTPWrapper, type Stats } from 'ssh2';
import { resolveChecked } from './addresses';
import { discard, tempTarget, tooLarge, writeBounded, type FetchedFile } from './download';
import { SourceFetchError, remoteError } from './errors';
import type { ConnectionReport, FetchLimits, Secrets, SftpConnection, SftpSource } from './types';

/** OpenSSH's form (`ssh-keygen -lf`): SHA256:<base64 without padding>. */
export const fingerprintOf = (key: Buffer) => `SHA256:${crypto.createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

const describe = (conn: SftpConnection) => `sftp://${conn.username}@${conn.host}:${conn.port}`;

/**
 * One SSH session with its SFTP channel, on a checked address, under one
 * deadline; always closed after `work`.
 */
export const withSftp = async <T>(
  conn: SftpConnection,
  secrets: Secrets,
  limits: FetchLimits,
  work: (sftp: SFTPWrapper, fingerprint: string) => Promise<T>
): Promise<T> => {
  const [target] = await resolveChecked(conn.host, limits.policy);
  const client = new Client();
  let fingerprint = '';
  let keyMismatch = false;
  let timer: NodeJS.Timeout | null = null;
  const what = `Connecting to ${describe(conn)}`;
  try {
    const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
      client.on('error', reject);
      client.on('ready', () => client.sftp((error, channel) => (error ? reject(error) : resolve(channel))));
      client.connect({
        host: target.address,
        port: conn.port,
        username: conn.username,
        password: secrets.password || undefined,
        privateKey: secrets.privateKey || undefined,
        passphrase: secrets.passphrase || undefined,
        readyTimeout: limits.connectTimeoutMs,
        hostVerifier: (key: Buffer) => {
          fingerprint = fingerprintOf(key);
          keyMismatch = !!conn.hostFingerprint && conn.hostFingerprint !== fingerprint;
          return !keyMismatch;
        },
      });
    });
    return await new Promise<T>((resolve, reject) => {
      timer = setTimeout(() => reject(new SourceFetchError('remote', `${describe(conn)} took longer than ${Math.round(limits.timeoutMs / 1000)} s (plugin option sourceTimeoutMs)`)), limits.timeoutMs);
      client.on('error', reject);
      work(sftp, fingerprint).then(resolve, reject);
    });
  } catch (error) {
    if (keyMismatch) {
      throw new SourceFetchError('remote', `${describe(conn)} presented the host key ${fingerprint}, not the pinned ${conn.hostFingerprint}: if the server's key changed on purpose, update hostFingerprint`, { hostFingerprint: fingerprint });
    }
    if ((error as NodeJS.ErrnoException)?.code === 'ERR_SFTP' || typeof (error as any)?.code === 'number') {
      throw new SourceFetchError('remote', `${describe(conn)}: ${(error as Error).message}`);
    }
    throw remoteError(error, what);
  } finally {
    if (timer) clearTimeout(timer);
    client.end();
  }
};

const call = <T>(fn: (cb: (error: Error | null | undefined, value: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => fn((error, value) => (error ? reject(error) : resolve(value))));

const hasPattern = (name: string) => /[*?]/.test(name);

/** `*` and `?` of one path segment (no `/`, no dot-files unless the pattern starts with a dot). */
const patternRegExp = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);

export interface PickedFile {
  path: string;
  size: number;
  modifiedAt: string;
}

/** The file a run reads: `path` itself, or the newest file of its directory matching its last segment. */
export const pickFile = async (sftp: SFTPWrapper, remotePath: string): Promise<PickedFile> => {
  const name = path.posix.basename(remotePath);
  if (!hasPattern(name)) {
    const stats = await call<Stats>((cb) => sftp.stat(remotePath, cb as any)).catch((error) => {
      throw new SourceFetchError('remote', `No file ${remotePath} on the server (${(error as Error).message})`);
    });
    if (!stats.isFile()) throw new SourceFetchError('remote', `${remotePath} is not a file`);
    return { path: remotePath, size: stats.size, modifiedAt: new Date(stats.mtime * 1000).toISOString() };
  }
  const dir = path.posix.dirname(remotePath);
  const re = patternRegExp(name);
  const list = await call<any[]>((cb) => sftp.readdir(dir, cb as any)).catch((error) => {
    throw new SourceFetchError('remote', `Cannot list ${dir} on the server (${(error as Error).message})`);
  });
  const files = list
    .filter((e) => re.test(e.filename) && (e.filename.startsWith('.') ? name.startsWith('.') : true))
    // S_IFREG: regular files only (a matching directory is not a source).
    .filter((e) => (e.attrs.mode & 0o170000) === 0o100000)
    .sort((a, b) => b.attrs.mtime - a.attrs.mtime || (a.filename < b.filename ? 1 : -1));
  if (!files.length) throw new SourceFetchError('remote', `No file in ${dir} matches ${name}`);
  const newest = files[0];
  return { path: path.posix.join(dir, newest.filename), size: newest.attrs.size, modifiedAt: new Date(newest.attrs.mtime * 1000).toISOString() };
};

export const fetchSftp = (source: SftpSource, secrets: Secrets, limits: FetchLimits): Promise<FetchedFile> =>
  withSftp(source, secrets, limits, async (sftp) => {
    const picked = await pickFile(sftp, source.path);
    if (picked.size > limits.maxBytes) throw tooLarge(limits.maxBytes);
    const target = await tempTarget(path.posix.basename(picked.path));
    try {
      const { size, hash } = await writeBounded(sftp.createReadStream(picked.path), target, limits.maxBytes);
      return { path: target, name: path.basename(target), size, hash, mime: null, origin: picked.path };
    } catch (error) {
      await discard(target);
      throw error;
    }
  });

export const testSftp = async (source: SftpSource, secrets: Secrets, limits: FetchLimits): Promise<ConnectionReport> =>
  withSftp(source, secrets, limits, async (sftp, hostFingerprint) => {
    const picked = await pickFile(sftp, source.path);
    return { ok: true, hostFingerprint, file: { name: path.posix.basename(picked.path), size: picked.size, modifiedAt: picked.modifiedAt, origin: picked.path } };
  });

/** A destination directory is writable if it can be listed (nothing is written by a test). */
export const testSftpDirectory = async (conn: SftpConnection, directory: string, secrets: Secrets, limits: FetchLimits): Promise<ConnectionReport> =>
  withSftp(conn, secrets, limits, async (sftp, hostFingerprint) => {
    await call((cb) => sftp.readdir(directory, cb as any)).catch((error) => {
      throw new SourceFetchError('remote', `Cannot open the directory ${directory} on the server (${(error as Error).message})`);
    });
    return { ok: true, hostFingerprint };
  });

/**
 * Uploads as `<name>.part`, then renames: whoever watches the directory
 * never picks up half a file. SFTP v3 rename does not replace, so a file of
 * the same name is removed first.
 */
export const uploadSftp = (conn: SftpConnection, secrets: Secrets, limits: FetchLimits, localPath: string, remoteDir: string, remoteName: string) =>
  withSftp(conn, secrets, limits, async (sftp) => {
    const final = path.posix.join(remoteDir, remoteName);
    const part = `${final}.part`;
    await pipeline(fs.createReadStream(localPath), sftp.createWriteStream(part));
    await call((cb) => sftp.unlink(final, cb as any)).catch(() => undefined);
    await call((cb) => sftp.rename(part, final, cb as any));
    return final;
  });
