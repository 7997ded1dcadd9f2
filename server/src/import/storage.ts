import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/** Where import sources live: `uploadDir` from the plugin config, else <app>/.tmp/contacts-imports. */
export const storageDir = (strapi: Core.Strapi): string => {
  const configured = strapi.config.get('plugin::contacts.uploadDir') as string | null;
  return configured ? path.resolve(strapi.dirs.app.root, configured) : path.join(strapi.dirs.app.root, '.tmp', 'contacts-imports');
};

/**
 * A file name safe to join to our folder: the last path segment only, no
 * leading dots (`..`, `.htaccess`), no separators or control characters.
 */
export const safeName = (name: string): string => {
  const base = path.basename(String(name ?? '').replace(/\\/g, '/'));
  const clean = base.replace(/[^\w.\-]+/g, '_').replace(/^[.\-]+/, '').slice(-120);
  return clean && !/^_*$/.test(clean) ? clean : 'source';
};

/** Import folder names we create (`<base36 time>-<6 random>`): the sweep touches nothing else. */
const FOLDER = /^[0-9a-z]{6,12}-[0-9a-z]{1,8}$/;

export const newFolderName = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}`;

/**
 * Moves an uploaded temp file (formidable wrote it to the OS temp dir) into
 * the import's own folder; a rename when possible, a streamed copy across devices.
 */
export const storeSource = async (strapi: Core.Strapi, folder: string, tempPath: string, originalName: string): Promise<string> => {
  const dir = path.join(storageDir(strapi), folder);
  await fs.promises.mkdir(dir, { recursive: true });
  const target = path.join(dir, safeName(originalName));
  try {
    await fs.promises.rename(tempPath, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await fs.promises.copyFile(tempPath, target);
    await fs.promises.unlink(tempPath);
  }
  return target;
};

export const storeText = async (strapi: Core.Strapi, folder: string, text: string): Promise<string> => {
  const dir = path.join(storageDir(strapi), folder);
  await fs.promises.mkdir(dir, { recursive: true });
  const target = path.join(dir, 'pasted.txt');
  await fs.promises.writeFile(target, text, 'utf8');
  return target;
};

export const removeSourceFolder = async (strapi: Core.Strapi, folder: string) => {
  if (!FOLDER.test(folder)) return;
  await fs.promises.rm(path.join(storageDir(strapi), folder), { recursive: true, force: true });
};

export const removeFile = (file: string) => fs.promises.rm(file, { force: true }).catch(() => undefined);

/**
 * Import folders that no import row points to (a crash between the upload
 * and the draft row, or a row deleted by hand), older than `minAgeMs` so an
 * upload in flight on another instance is left alone.
 */
export const sweepOrphanFolders = async (strapi: Core.Strapi, known: Set<string>, minAgeMs: number): Promise<number> => {
  const dir = storageDir(strapi);
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isDirectory() || !FOLDER.test(entry.name) || known.has(entry.name)) continue;
    const stat = await fs.promises.stat(path.join(dir, entry.name)).catch(() => null);
    if (!stat || Date.now() - stat.mtimeMs < minAgeMs) continue;
    await removeSourceFolder(strapi, entry.name);
    removed += 1;
  }
  return removed;
};
