import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ContactHistoryEntry, Pagination } from '../types';
import { useApiErrorNotification } from './useApiErrorNotification';

const PAGE_SIZE = 10;

/** One page of a contact's history (newest first): which imports created or updated it. */
export const useContactHistory = (documentId: string, page: number) => {
  const { get } = useFetchClient();
  const notifyError = useApiErrorNotification();
  const [state, setState] = useState<{
    entries: ContactHistoryEntry[];
    pagination?: Pagination;
    error?: unknown;
    isLoading: boolean;
  }>({ entries: [], isLoading: true });

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, isLoading: true }));
    get<{ data: ContactHistoryEntry[]; meta: { pagination: Pagination } }>(
      `/contacts/contacts/${encodeURIComponent(documentId)}/history`,
      { params: { page, pageSize: PAGE_SIZE } },
    )
      .then(({ data }) => current && setState({ entries: data.data, pagination: data.meta.pagination, isLoading: false }))
      .catch((error) => {
        if (!current) return;
        notifyError(error);
        setState({ entries: [], error, isLoading: false });
      });
    return () => {
      current = false;
    };
  }, [documentId, get, notifyError, page]);

  return state;
};
