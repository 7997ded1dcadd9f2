import { useMemo } from 'react';
import { getFetchClient, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useJobs } from '../jobs/JobsProvider';
import { saveResponse } from '../utils/download';
import type { ImportLimits, ImportOptions, ImportPatch, ImportPreview, ImportView, SavedMapping } from '../../../shared/imports';

const url = (documentId: string, tail = '') => `/contacts/imports/${encodeURIComponent(documentId)}${tail}`;

/**
 * The import routes of the admin API; callers show errors (400s carry a message
 * written for people). Row reasons come back in the admin's language (`locale`).
 */
export const useImportApi = () => {
  const { get, post, put, del } = useFetchClient();
  const { locale } = useIntl();
  const jobs = useJobs();
  return useMemo(() => {
    /**
     * Start and resume go through a client that leaving the page does not abort
     * (the person often clicks Start and goes elsewhere): the answer still comes,
     * and the import is watched until it ends (a notification wherever the person is).
     */
    const run = async (documentId: string, action: 'start' | 'resume') => {
      const importView = (await getFetchClient().post<{ data: ImportView }>(url(documentId, `/${action}`))).data.data;
      jobs.watch('import', importView.documentId, importView.name);
      return importView;
    };
    return {
      limits: async () => (await get<{ data: ImportLimits }>('/contacts/imports/limits')).data.data,

      upload: async (file: File, options?: Partial<ImportOptions>) => {
        const form = new FormData();
        form.append('file', file, file.name);
        if (options) form.append('options', JSON.stringify(options));
        return (await post<{ data: ImportView }>('/contacts/imports', form)).data.data;
      },

      paste: async (text: string, options?: Partial<ImportOptions>) =>
        (await post<{ data: ImportView }>('/contacts/imports', { text, ...(options ? { options } : {}) })).data.data,

      // PUT is the server's alias of PATCH (useFetchClient has no patch): a partial update either way.
      update: async (documentId: string, patch: ImportPatch) =>
        (await put<{ data: ImportView }>(url(documentId), patch)).data.data,

      preview: async (documentId: string, limit = 20) =>
        (await get<{ data: ImportPreview }>(url(documentId, '/preview'), { params: { limit, locale } })).data.data,

      start: (documentId: string) => run(documentId, 'start'),
      stop: async (documentId: string) => {
        jobs.forget('import', documentId);
        return (await post<{ data: ImportView }>(url(documentId, '/stop'))).data.data;
      },
      resume: (documentId: string) => run(documentId, 'resume'),
      remove: async (documentId: string) => {
        await del(url(documentId));
      },

      /** A plain link would carry no admin token: fetched with it, saved from the Blob. */
      downloadErrors: async (documentId: string, importName: string) => {
        const res = await get(url(documentId, '/errors'), { params: { locale }, responseType: 'blob' });
        const fallback = `${importName.replace(/\.(csv|tsv|txt|xlsx)$/i, '').replace(/[^\w.-]+/g, '_') || 'import'}-errors.csv`;
        saveResponse(res, fallback);
      },

      savedMappings: async () => (await get<{ data: SavedMapping[] }>('/contacts/mappings')).data.data,
      /** Saves the import's stored mapping under `name` (the same name replaces the earlier one). */
      saveMapping: async (name: string, importId: string) =>
        (await post<{ data: SavedMapping }>('/contacts/mappings', { name, importId })).data.data,
      deleteMapping: async (documentId: string) => {
        await del(`/contacts/mappings/${encodeURIComponent(documentId)}`);
      },
    };
  }, [get, post, put, del, locale, jobs]);
};
