import { useFetchClient } from '@strapi/strapi/admin';
import type { Contact } from '../types';
import { usePagedList, type Page } from './usePagedList';

interface ContactsRequest {
  page?: string;
  pageSize?: string;
  sort?: string;
  q?: string;
  /** Segment criteria as JSON text. */
  criteria?: string;
}

/** One page of contacts; `reload` refetches after a delete. */
export const useContacts = (query: ContactsRequest) => {
  const { get } = useFetchClient();
  const { page, pageSize, sort, q, criteria } = query;
  const { rows, ...rest } = usePagedList(JSON.stringify([page, pageSize, sort, q, criteria]), async () => {
    // The fetch client joins params without encoding them: encode here so "&" or "#" in a search stay in `q`.
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ page, pageSize, sort, q, criteria })) if (value) params.set(key, value);
    return (await get<Page<Contact>>('/contacts/contacts', { params: params.toString() })).data;
  });
  return { contacts: rows, ...rest };
};
