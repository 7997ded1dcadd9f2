import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { ExportFormat } from '../constants';

/**
 * Export files live in a private directory (`exportDir`, else
 * <app>/.tmp/contacts-exports), never under public/: the only way to them is
 * the download route, behind the export permission. A run writes
 * `<documentId>-<run>.<ext>.part` and renames it when complete, so a
 * truncated file never has the name a download serves.
 */
export const exportDir = (strapi: Core.Strapi): string => {
  const configured = strapi.config.get('plugin::contacts.exportDir') as string | null;
  return configured ? path.resolve(strapi.dirs.app.root, configured) : path.join(strapi.dirs.app.root, '.tmp', 'contacts-exports');
};

/** Names this module creates: the sweep and the removals touch nothing else. */
const OURS = /^[a-z0-9]{10,40}-[0-9a-f]{8}\.(csv|xlsx)(\.part)?$/;

export const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A new run's part file and the final name it becomes (each run its own, so a stalled old run never writes into ours). */
export const runFiles = async (strapi: Core.Strapi, documentId: string, format: ExportFormat) => {
  const dir = exportDir(strapi);
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  const base = `${documentId.toLowerCase().replace(/[^a-z0-9]/g, '')}-${crypto.randomBytes(4).toString('hex')}.${format}`;
  return { part: path.join(dir, `${base}.part`), final: path.join(dir, base) };
};

/** Only a file of ours, inside the export directory. */
export const isOurs = (strapi: Core.Strapi, file: unknown): file is string =>
  typeof file === 'string' && path.dirname(path.resolve(file)) === exportDir(strapi) && OURS.test(path.basename(file));

export const removeExportFile = async (strapi: Core.Strapi, file: unknown) => {
  if (isOurs(strapi, file)) await fs.promises.rm(file, { force: true }).catch(() => undefined);
};

/** Files no export row points to (a crash between two steps, a row deleted by hand), older than `minAgeMs`. */
export const sweepExportFiles = async (strapi: Core.Strapi, known: Set<string>, minAgeMs: number): Promise<number> => {
  const dir = exportDir(strapi);
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    if (!OURS.test(name) || known.has(file)) continue;
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat || Date.now() - stat.mtimeMs < minAgeMs) continue;
    await removeExportFile(strapi, file);
    removed += 1;
  }
  return removed;
};

/** The name a download offers: the export's name, safe for a header, with the format's extension. */
export const downloadName = (name: string | null, format: ExportFormat): string => {
  const base = String(name || 'contacts').replace(/\.(csv|xlsx|tsv|txt)$/i, '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 120) || 'contacts';
  return `${base}.${format}`;
};
