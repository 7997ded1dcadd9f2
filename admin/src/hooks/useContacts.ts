import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Contact, Pagination } from '../types';
import { useApiErrorNotification } from './useApiErrorNotification';

interface ListResponse {
  data: Contact[];
  meta: { pagination: Pagination };
}

interface ContactsRequest {
  page?: string;
  pageSize?: string;
  sort?: string;
  q?: string;
}

/** One page of contacts; `reload` refetches after a delete. */
export const useContacts = (query: ContactsRequest) => {
  const { get } = useFetchClient();
  const notifyError = useApiErrorNotification();
  const [state, setState] = useState<{ contacts: Contact[]; pagination?: Pagination; error?: unknown; isLoading: boolean }>({
    contacts: [],
    isLoading: true,
  });
  const [version, setVersion] = useState(0);
  const latest = useRef(0);
  const { page, pageSize, sort, q } = query;

  useEffect(() => {
    const request = ++latest.current;
    setState((s) => ({ ...s, isLoading: true, error: undefined }));
    // The fetch client joins params without encoding them: encode here so "&" or "#" in a search stay in `q`.
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ page, pageSize, sort, q })) if (value) params.set(key, value);
    get<ListResponse>('/contacts/contacts', { params: params.toString() })
      .then(({ data }) => {
        if (request === latest.current) {
          setState({ contacts: data.data, pagination: data.meta.pagination, isLoading: false });
        }
      })
      .catch((error) => {
        if (request !== latest.current) return;
        notifyError(error);
        setState({ contacts: [], error, isLoading: false });
      });
  }, [get, notifyError, page, pageSize, sort, q, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
};
