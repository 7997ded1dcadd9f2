import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Contact } from '../types';

type ContactPayload = Record<string, unknown>;

/** Create, update and delete through the admin API; callers handle errors (400s carry field messages). */
export const useContactMutations = () => {
  const { post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      create: async (payload: ContactPayload) => (await post<{ data: Contact }>('/contacts/contacts', payload)).data.data,
      update: async (documentId: string, payload: ContactPayload) =>
        (await put<{ data: Contact }>(`/contacts/contacts/${encodeURIComponent(documentId)}`, payload)).data.data,
      remove: async (documentId: string) => {
        await del(`/contacts/contacts/${encodeURIComponent(documentId)}`);
      },
    }),
    [post, put, del],
  );
};
