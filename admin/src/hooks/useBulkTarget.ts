import { useCallback } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Criteria } from '../../../shared/segments';
import type { ContactsTarget } from '../segmentTypes';
import type { Contact } from '../types';
import type { ContactSelection } from './useContactSelection';

/** Every contact, as criteria. */
export const EVERY_CONTACT: Criteria = { match: 'all', conditions: [] };
/** How many results of a quick search a bulk action may collect by id (see below). */
export const QUICK_SEARCH_BULK_MAX = 10_000;
const PAGE_SIZE = 200;

/**
 * What a bulk action acts on: the rows picked, or every result of the search.
 * Every result of an advanced search travels as its criteria (one statement
 * on the server). The bulk and members endpoints do not take the quick search
 * (`q`), so its results are collected by id, page by page, up to
 * QUICK_SEARCH_BULK_MAX.
 */
export const useBulkTarget = (selection: ContactSelection, search: { q?: string; criteria: Criteria | null }) => {
  const { get } = useFetchClient();
  const { q, criteria } = search;
  const everyResult = useCallback(async (): Promise<ContactsTarget> => {
    if (!q) return { criteria: criteria ?? EVERY_CONTACT };
    const ids: string[] = [];
    // Keyset pages by id (`after`): constant cost at any depth, and stable while contacts change.
    for (let after = 0; ids.length < QUICK_SEARCH_BULK_MAX; ) {
      const params = new URLSearchParams({ q, after: String(after), pageSize: String(PAGE_SIZE) });
      if (criteria) params.set('criteria', JSON.stringify(criteria));
      const { data } = await get<{ data: Contact[]; meta: { pagination: { next: number | null } } }>('/contacts/contacts', { params: params.toString() });
      ids.push(...data.data.map((c) => c.documentId));
      if (data.meta.pagination.next === null) break;
      after = data.meta.pagination.next;
    }
    return { ids };
  }, [get, q, criteria]);
  const selected = useCallback(
    async (): Promise<ContactsTarget> => (selection.all ? everyResult() : { ids: Array.from(selection.selected) }),
    [selection.all, selection.selected, everyResult],
  );
  return { selected, everyResult };
};
