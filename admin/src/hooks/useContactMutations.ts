import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ContactsTarget } from '../segmentTypes';
import type { Contact } from '../types';

type ContactPayload = Record<string, unknown>;

export type BulkAction = { action: 'delete' } | { action: 'addTags' | 'removeTags'; tags: string[] };

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
      /** One action on a selection (ids) or on every result of a search (criteria); answers how many contacts it touched. */
      bulk: async (action: BulkAction, target: ContactsTarget) =>
        (await post<{ data: { affected: number } }>('/contacts/contacts/bulk', { ...action, ...target })).data.data,
    }),
    [post, put, del],
  );
};
