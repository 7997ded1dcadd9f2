import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/** Where import sources live: `uploadDir` from the plugin config, else <app>/.tmp/contacts-imports. */
export const storageDir = (strapi: Core.Strapi): string => {
  const configured = strapi.config.get('plugin::contacts.uploadDir') as string | null;
  return configured ? path.resolve(strapi.dirs.app.root, configured) : path.join(strapi.dirs.app.root, '.tmp', 'contacts-imports');
};

const safeName = (name: string) => name.replace(/[^\w.\-]+/g, '_').slice(-120) || 'source';

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
  await fs.promises.rm(path.join(storageDir(strapi), folder), { recursive: true, force: true });
};
