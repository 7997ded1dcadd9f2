import type { Core } from '@strapi/strapi';
import { IMPORT_RUNNABLE_STATUSES } from '../constants';
import { MappingError } from '../import/map';
import { createImportRepository } from '../import/repository';
import { runImport } from '../import/runner';
import { leaseTransitions } from './leases';
import type { JobCandidate, JobKind } from './types';

export interface ImportJobSettings {
  /** Imports running at once across every process on the database (`parallelImportLimit`). */
  limit: number;
  batchSize: number;
  defaultCountry?: string;
  /** Called when an import ends (imported, failed or stopped). */
  onFinished?: (importId: number, outcome: 'imported' | 'failed' | 'stopped') => Promise<void> | void;
}

/** Imports as a kind of job: the import rows are the jobs. */
export const importJobKind = (strapi: Core.Strapi, settings: ImportJobSettings): JobKind => {
  const imports = createImportRepository(strapi);
  const finish = async (id: number, outcome: 'imported' | 'failed' | 'stopped') => {
    try {
      await settings.onFinished?.(id, outcome);
    } catch (error) {
      strapi.log.error(`[contacts] after import ${id}: ${(error as Error).message}`);
    }
  };
  return {
    name: 'import',
    limit: settings.limit,
    rows: {
      ...leaseTransitions(strapi, imports.table, IMPORT_RUNNABLE_STATUSES),
      active: () => imports.active() as Promise<JobCandidate[]>,
      delay: (id) => imports.delay(id),
    },
    async run(id, owner, shouldPause, onProgress) {
      try {
        const outcome = await runImport(strapi, id, owner, { batchSize: settings.batchSize, defaultCountry: settings.defaultCountry, shouldPause, onProgress });
        if (outcome === 'lost') return 'left';
        await finish(id, outcome);
        return 'ended';
      } catch (error) {
        const message = error instanceof MappingError ? error.message : `Import failed: ${(error as Error).message}`;
        if (!(error instanceof MappingError)) strapi.log.error(`[contacts] import ${id} failed: ${(error as Error).stack}`);
        if (!(await imports.fail(id, owner, message).catch(() => false))) return 'left';
        await finish(id, 'failed');
        return 'ended';
      }
    },
  };
};
