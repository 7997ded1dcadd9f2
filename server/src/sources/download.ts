import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Transform, type Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { safeName } from '../import/storage';
import { SourceFetchError } from './errors';

/** A fetched source on disk, in a temp folder of its own (removed with `discard`). */
export interface FetchedFile {
  path: string;
  /** The remote file's name (last path segment), made safe. */
  name: string;
  size: number;
  /** SHA-256 of the bytes, hex: an unchanged file is skipped. */
  hash: string;
  mime: string | null;
  /** Where it came from, for the run (the final URL after redirects, or the SFTP path picked). */
  origin: string;
}

export const tooLarge = (limit: number) =>
  new SourceFetchError('too_large', `The remote file is larger than ${limit} bytes (plugin option maxFileSize)`, {
    limit,
    setting: 'contacts.maxFileSize',
  });

export const tempTarget = async (name: string) => {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'contacts-source-'));
  return path.join(dir, safeName(name));
};

/** Removes a fetched file and its temp folder (after it was moved into an import, only the folder is left). */
export const discard = async (file: Pick<FetchedFile, 'path'> | string) => {
  const p = typeof file === 'string' ? file : file.path;
  if (path.basename(path.dirname(p)).startsWith('contacts-source-')) await fs.promises.rm(path.dirname(p), { recursive: true, force: true });
};

/**
 * Streams `source` into `target`, hashing as it goes and stopping with a
 * 413-kind error as soon as it passes `limit`: never the whole file in memory,
 * never more than the limit on disk.
 */
export const writeBounded = async (source: Readable, target: string, limit: number): Promise<{ size: number; hash: string }> => {
  const hash = crypto.createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(tooLarge(limit));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(source, meter, fs.createWriteStream(target));
  return { size, hash: hash.digest('hex') };
};
