import type { Core } from '@strapi/strapi';
import type { JobKind } from '../queue/types';
import { createExportRepository } from './repository';
import { ExportRunError, runExport, type RunSettings } from './runner';

export interface ExportJobSettings extends Omit<RunSettings, 'shouldPause' | 'onProgress'> {
  /** Exports running at once on one database (`parallelExportLimit`); imports have their own limit. */
  limit: number;
  /** After an export is done or failed: webhook event, e-mail, history cap. */
  onEnded?: (exportId: number, outcome: 'done' | 'failed') => Promise<void> | void;
}

/** Exports as a kind of job on the import queue: the export rows are the jobs, with the same leases. */
export const exportJobKind = (strapi: Core.Strapi, settings: ExportJobSettings): JobKind => {
  const rows = createExportRepository(strapi);
  const ended = async (id: number, outcome: 'done' | 'failed') => {
    try {
      await settings.onEnded?.(id, outcome);
    } catch (error) {
      strapi.log.error(`[contacts] after export ${id}: ${(error as Error).message}`);
    }
  };
  return {
    name: 'export',
    limit: settings.limit,
    rows,
    async run(id, owner, shouldPause, onProgress) {
      try {
        if ((await runExport(strapi, id, owner, { ...settings, shouldPause, onProgress })) !== 'done') return 'left';
        await ended(id, 'done');
        return 'ended';
      } catch (error) {
        const message = error instanceof ExportRunError ? error.message : `Export failed: ${(error as Error).message}`;
        if (!(error instanceof ExportRunError)) strapi.log.error(`[contacts] export ${id} failed: ${(error as Error).stack}`);
        if (!(await rows.fail(id, owner, message).catch(() => false))) return 'left';
        await ended(id, 'failed');
        return 'ended';
      }
    },
  };
};
