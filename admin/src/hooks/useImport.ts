import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ImportView } from '../../../shared/imports';
import { isActiveImport } from '../utils/importFormat';
import { useApiErrorNotification } from './useApiErrorNotification';

const POLL_MS = 1000;

/**
 * One import. While it is queued, delayed or running it is fetched again every
 * second (one request at a time), so progress stays live; `set` lets an action's
 * answer (start, stop…) show at once.
 */
export const useImport = (documentId?: string) => {
  const { get } = useFetchClient();
  // First problems' reasons come in the admin's language.
  const { locale } = useIntl();
  const notifyError = useApiErrorNotification();
  const [state, setState] = useState<{ importView?: ImportView; error?: unknown; isLoading: boolean }>({
    isLoading: !!documentId,
  });
  const [version, setVersion] = useState(0);
  const failures = useRef(0);
  const loadedId = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!documentId) {
      setState({ isLoading: false });
      return;
    }
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (first: boolean) => {
      try {
        const { data } = await get<{ data: ImportView }>(`/contacts/imports/${encodeURIComponent(documentId)}`, {
          params: { locale },
        });
        if (!current) return;
        failures.current = 0;
        setState({ importView: data.data, isLoading: false });
        if (isActiveImport(data.data.status)) timer = setTimeout(() => load(false), POLL_MS);
      } catch (error) {
        if (!current) return;
        // A poll that fails once (a restart, a slow network) is retried quietly; the first load is not.
        failures.current += 1;
        if (!first && failures.current < 5) {
          timer = setTimeout(() => load(false), POLL_MS * 2);
          return;
        }
        notifyError(error);
        setState((s) => ({ ...s, error, isLoading: false }));
      }
    };
    // A reload or a restarted poll keeps what is on screen; another import starts blank.
    if (loadedId.current !== documentId) setState({ isLoading: true });
    loadedId.current = documentId;
    load(true);
    return () => {
      current = false;
      if (timer) clearTimeout(timer);
    };
  }, [documentId, get, locale, notifyError, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const set = useCallback((importView: ImportView) => {
    setState({ importView, isLoading: false });
    // Restart polling when an action made the import active again.
    if (isActiveImport(importView.status)) setVersion((v) => v + 1);
  }, []);
  return { ...state, reload, set };
};
