import { useEffect } from 'react';
import { useQueryParams, withEncodedUserParams } from '@strapi/strapi/admin';

/**
 * A list page's query string, with page and pageSize always in the URL (so
 * the page-size selector shows the size in use).
 */
export const usePagedQuery = <Q extends { page?: string; pageSize?: string }>(defaultPageSize: string) => {
  const [{ query }, setQuery] = useQueryParams<Q>();
  useEffect(() => {
    if (!query.page || !query.pageSize) {
      setQuery(withEncodedUserParams(query as Record<string, unknown>, { page: query.page ?? '1', pageSize: query.pageSize ?? defaultPageSize }) as Q, 'push', true);
    }
  }, [query, setQuery, defaultPageSize]);
  return { query, setQuery, page: query.page ?? '1', pageSize: query.pageSize ?? defaultPageSize };
};
