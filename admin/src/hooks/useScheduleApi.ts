import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ConnectionReport, RecurringImportInput, RecurringImportView, RunExportJob, RunImportJob, RunView, ScheduledExportInput, ScheduledExportView } from '../scheduleTypes';
import type { Pagination } from '../types';

type Listed<T> = { data: T[]; meta: { pagination: Pagination } };

/**
 * The routes of recurring imports or scheduled exports: the same eight under
 * /contacts/<resource>. Callers show errors (400s name what to fix).
 */
const useScheduleApi = <View, Input, Job>(resource: 'recurring-imports' | 'scheduled-exports') => {
  const { get, post, put, del } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const base = `/contacts/${resource}`;
    const url = (documentId: string, tail = '') => `${base}/${encodeURIComponent(documentId)}${tail}`;
    return {
      list: async (params: { page?: string; pageSize?: string }) => (await get<Listed<View>>(base, { params })).data,
      // The locale: a scheduled export writes its headers in the language of the person who saves it.
      create: async (input: Input) => (await post<{ data: View }>(`${base}?locale=${encodeURIComponent(locale)}`, input)).data.data,
      update: async (documentId: string, input: Partial<Input>) => (await put<{ data: View }>(url(documentId), input)).data.data,
      remove: async (documentId: string) => {
        await del(url(documentId));
      },
      run: async (documentId: string) => (await post<{ data: RunView<Job> }>(url(documentId, '/run'), {})).data.data,
      /** A saved one (its stored secrets unless `body` gives others), or an unsaved source / destination. */
      test: async (documentId: string | null, body: Partial<Input> = {}) =>
        (await post<{ data: ConnectionReport }>(documentId ? url(documentId, '/test') : `${base}/test`, body)).data.data,
      runs: async (documentId: string, params: { page?: string; pageSize?: string } = {}) => (await get<Listed<RunView<Job>>>(url(documentId, '/runs'), { params })).data,
    };
  }, [get, post, put, del, locale, resource]);
};

export type ScheduleApi<View, Input, Job> = ReturnType<typeof useScheduleApi<View, Input, Job>>;

export const useRecurringImportApi = () => useScheduleApi<RecurringImportView, RecurringImportInput, RunImportJob>('recurring-imports');
export const useScheduledExportApi = () => useScheduleApi<ScheduledExportView, ScheduledExportInput, RunExportJob>('scheduled-exports');

export type RecurringImportApi = ReturnType<typeof useRecurringImportApi>;
export type ScheduledExportApi = ReturnType<typeof useScheduledExportApi>;
