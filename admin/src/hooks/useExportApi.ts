import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ExportRequest, ExportView } from '../exportTypes';
import { useJobs } from '../jobs/JobsProvider';
import type { Pagination } from '../types';
import { saveResponse } from '../utils/download';
import { useExportPermissions } from './useExportPermissions';

const url = (documentId: string, tail = '') => `/contacts/exports/${encodeURIComponent(documentId)}${tail}`;

/**
 * The export routes of the admin API; callers show errors (400s name what to
 * fix). Headers are written in the admin's language (`locale`).
 */
export const useExportApi = () => {
  const { get, post, del } = useFetchClient();
  const { locale } = useIntl();
  const jobs = useJobs();
  // The watcher reads GET /exports/:id (exports.read): without it there is nothing to watch with.
  const { canRead } = useExportPermissions();
  return useMemo(
    () => ({
      list: async (params: { page?: string; pageSize?: string }) =>
        (await get<{ data: ExportView[]; meta: { pagination: Pagination } }>('/contacts/exports', { params })).data,

      /** Queues the export and watches it until it ends (a notification wherever the person is). */
      create: async (body: ExportRequest) => {
        const created = (await post<{ data: ExportView }>(`/contacts/exports?locale=${encodeURIComponent(locale)}`, body)).data.data;
        if (canRead) jobs.watch('export', created.documentId, created.name);
        return created;
      },

      remove: async (documentId: string) => {
        jobs.forget('export', documentId);
        await del(url(documentId));
      },

      /** Fetched with the admin token (a plain link has none), saved under the server's file name. */
      download: async (view: Pick<ExportView, 'documentId' | 'name' | 'format'>) => {
        const res = await get(url(view.documentId, '/download'), { responseType: 'blob' });
        saveResponse(res, `${view.name.replace(/[^\w.-]+/g, '_') || 'contacts'}.${view.format}`);
      },
    }),
    [get, post, del, locale, jobs, canRead],
  );
};
