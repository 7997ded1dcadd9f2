import { useCallback } from 'react';
import type { Criteria } from '../../../shared/segments';
import type { ContactsTarget } from '../segmentTypes';
import type { ContactSelection } from './useContactSelection';

/** Every contact, as criteria. */
export const EVERY_CONTACT: Criteria = { match: 'all', conditions: [] };

/** The search on the page as one criteria: the quick search is a condition of its own ({ search }), beside the advanced one. */
export const searchCriteria = ({ q, criteria }: { q?: string; criteria: Criteria | null }): Criteria => {
  const text = q?.trim();
  if (!text) return criteria ?? EVERY_CONTACT;
  return { match: 'all', conditions: [{ search: text }, ...(criteria && criteria.conditions.length ? [criteria] : [])] };
};

/**
 * What a bulk action acts on: the rows picked, or every result of the search
 * as its criteria (one statement on the server, whatever the count).
 */
export const useBulkTarget = (selection: ContactSelection, search: { q?: string; criteria: Criteria | null }) => {
  const { q, criteria } = search;
  const everyResult = useCallback(async (): Promise<ContactsTarget> => ({ criteria: searchCriteria({ q, criteria }) }), [q, criteria]);
  const selected = useCallback(
    async (): Promise<ContactsTarget> => (selection.all ? everyResult() : { ids: Array.from(selection.selected) }),
    [selection.all, selection.selected, everyResult],
  );
  return { selected, everyResult };
};
