import { useMemo } from 'react';
import { getFetchClient, useFetchClient } from '@strapi/strapi/admin';
import type { Criteria } from '../../../shared/segments';
import type { Pagination } from '../types';
import type { ContactsTarget, Segment, SegmentInput, SegmentKind, SegmentPreview, SegmentRefresh } from '../segmentTypes';

const url = (documentId: string, tail = '') => `/contacts/segments/${encodeURIComponent(documentId)}${tail}`;

/** The segment routes of the admin API; callers show errors (a bad criterion's 400 names its path). */
export const useSegmentApi = () => {
  const { get, post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      list: async (params: { page?: number | string; pageSize?: number | string; kind?: SegmentKind } = {}) =>
        (await get<{ data: Segment[]; meta: { pagination: Pagination } }>('/contacts/segments', { params })).data,
      find: async (documentId: string) => (await get<{ data: Segment }>(url(documentId))).data.data,
      create: async (input: SegmentInput) => (await post<{ data: Segment }>('/contacts/segments', input)).data.data,
      update: async (documentId: string, input: Partial<SegmentInput>) =>
        (await put<{ data: Segment }>(url(documentId), input)).data.data,
      remove: async (documentId: string) => {
        await del(url(documentId));
      },
      /**
       * Synchronous on the server: answers when the membership is recomputed.
       * Leaving the page does not abort it (the jobs watcher tells the result).
       */
      refresh: async (documentId: string) =>
        (await getFetchClient().post<{ data: SegmentRefresh & { count: number } }>(url(documentId, '/refresh'), {})).data.data,
      preview: async (criteria: Criteria, signal?: AbortSignal) =>
        (await post<{ data: SegmentPreview }>('/contacts/segments/preview', { criteria }, { signal })).data.data,
      addMembers: async (documentId: string, target: ContactsTarget) =>
        (await post<{ data: Segment }>(url(documentId, '/members'), target)).data.data,
      removeMembers: async (documentId: string, target: ContactsTarget) =>
        (await post<{ data: Segment }>(url(documentId, '/members/remove'), target)).data.data,
    }),
    [get, post, put, del],
  );
};
