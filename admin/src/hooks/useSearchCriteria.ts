import { useEffect, useMemo, useRef, useState } from 'react';
import { useDebounce, useQueryParams, withEncodedUserParams } from '@strapi/strapi/admin';
import { fromCriteria, isEmptyCriteria, toCriteria, type DraftGroup } from '../components/segments/criteria/criteriaModel';
import type { ContactsQuery } from '../types';
import { decodeCriteria, encodeCriteria } from '../utils/criteriaParam';

const APPLY_MS = 400;

/** The URL form of a draft: what complete conditions it holds ('' for none). */
const paramOf = (draft: DraftGroup) => {
  const { criteria } = toCriteria(draft);
  return isEmptyCriteria(criteria) ? '' : encodeCriteria(criteria);
};

/**
 * The contacts page's advanced search: a builder draft kept in step with the
 * URL's `criteria` (so a search can be shared and reloaded). The draft's
 * complete conditions go to the URL 400 ms after the last change; a URL that
 * changes from elsewhere (a link, the back button) replaces the draft.
 */
export const useSearchCriteria = () => {
  const [{ query }, setQuery] = useQueryParams<ContactsQuery>();
  const param = query.criteria ?? '';
  const applied = useMemo(() => decodeCriteria(param), [param]);
  const [draft, setDraft] = useState<DraftGroup>(() => fromCriteria(applied));
  // What the URL holds, in the draft's own form: a draft that says the same writes nothing.
  const inUrl = useRef(paramOf(draft));
  const seenParam = useRef(param);
  const wanted = useMemo(() => paramOf(draft), [draft]);
  const settled = useDebounce(wanted, APPLY_MS);

  useEffect(() => {
    if (param === seenParam.current) return;
    seenParam.current = param;
    const next = fromCriteria(decodeCriteria(param));
    inUrl.current = paramOf(next);
    setDraft(next);
  }, [param]);

  useEffect(() => {
    // Still typing, or already there.
    if (settled !== wanted || settled === inUrl.current) return;
    inUrl.current = settled;
    seenParam.current = settled;
    setQuery(withEncodedUserParams(query, { criteria: settled || undefined, page: '1' }), 'push', true);
    // Only a settled draft writes; `query` changes because of this write itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled, wanted]);

  const compiled = useMemo(() => toCriteria(draft), [draft]);
  return { draft, setDraft, compiled, applied };
};
