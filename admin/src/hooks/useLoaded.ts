import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiErrorNotification } from './useApiErrorNotification';

/**
 * One record read by `load` for `key` (nothing without a key: a create page).
 * Another key starts blank; `reload` reads the same one again and keeps what
 * is shown meanwhile; `set` shows a saved change at once. A failure is
 * notified and kept as `error`.
 */
export const useLoaded = <T,>(key: string | undefined, load: (key: string) => Promise<T>) => {
  const notifyError = useApiErrorNotification();
  const [state, setState] = useState<{ data?: T; error?: unknown; isLoading: boolean }>({ isLoading: !!key });
  const [version, setVersion] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const loadedKey = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!key) {
      setState({ isLoading: false });
      return;
    }
    let current = true;
    if (loadedKey.current !== key) setState({ isLoading: true });
    loadedKey.current = key;
    loader
      .current(key)
      .then((data) => current && setState({ data, isLoading: false }))
      .catch((error) => {
        if (!current) return;
        notifyError(error);
        setState({ error, isLoading: false });
      });
    return () => {
      current = false;
    };
  }, [key, notifyError, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const set = useCallback((data: T) => setState({ data, isLoading: false }), []);
  return { ...state, reload, set };
};
