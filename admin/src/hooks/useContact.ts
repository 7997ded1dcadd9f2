import { useFetchClient } from '@strapi/strapi/admin';
import type { Contact } from '../types';
import { useLoaded } from './useLoaded';

/** Loads one contact; without a documentId (the create page) there is nothing to load. */
export const useContact = (documentId?: string) => {
  const { get } = useFetchClient();
  const { data, error, isLoading } = useLoaded(documentId, async (id) => (await get<{ data: Contact }>(`/contacts/contacts/${encodeURIComponent(id)}`)).data.data);
  return { contact: data, error, isLoading };
};
