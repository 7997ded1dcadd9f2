import fs from 'fs';
import path from 'path';

/**
 * The script that import and probe worker threads run: dist/import-worker/index.js,
 * built next to the server bundle (dist/server/index.js) by `strapi-plugin build`.
 * Running from TypeScript sources (unit tests) there is none and the work runs
 * in-process, unless a test points the workers at a script of its own.
 */
let override: string | null | undefined;

/** Tests: a script to start workers from (`null`: none, in-process); `undefined` restores the bundle lookup. */
export const setWorkerScript = (script: string | null | undefined): void => {
  override = script;
};

export const workerScript = (): string | null => {
  if (override !== undefined) return override;
  const file = typeof __filename !== 'undefined' ? __filename : null;
  if (!file || !/\.c?js$/.test(file)) return null;
  const script = path.join(path.dirname(file), '..', 'import-worker', 'index.js');
  return fs.existsSync(script) ? script : null;
};
