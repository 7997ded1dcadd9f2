import { useCallback, useEffect, useRef, useState } from 'react';
import type { Pagination } from '../types';
import { useApiErrorNotification } from './useApiErrorNotification';

export interface Page<T> {
  data: T[];
  meta: { pagination: Pagination };
}

/**
 * One page of a list, read again whenever `key` (its query) changes or on
 * `reload`; an answer for an older query is dropped. A reload keeps the rows
 * on screen until the new ones come. A failure is notified and kept as `error`.
 */
export const usePagedList = <T,>(key: string, load: () => Promise<Page<T>>) => {
  const notifyError = useApiErrorNotification();
  const [state, setState] = useState<{ rows: T[]; pagination?: Pagination; error?: unknown; isLoading: boolean }>({ rows: [], isLoading: true });
  const [version, setVersion] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const loadedKey = useRef<string | null>(null);

  useEffect(() => {
    const request = ++latest.current;
    // Another query shows the loading row; a reload of the same one keeps its rows (no flicker).
    if (loadedKey.current !== key) setState((s) => ({ ...s, isLoading: true, error: undefined }));
    loadedKey.current = key;
    loader
      .current()
      .then(({ data, meta }) => request === latest.current && setState({ rows: data, pagination: meta.pagination, isLoading: false }))
      .catch((error) => {
        if (request !== latest.current) return;
        notifyError(error);
        setState({ rows: [], error, isLoading: false });
      });
  }, [key, notifyError, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
};
