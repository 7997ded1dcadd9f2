import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { BaseSettings } from '../types';
import { useApiErrorNotification } from './useApiErrorNotification';

/**
 * The base's settings (the unicity key). Any role of the plugin may read them:
 * the contact form and the import wizard need the key; `set` shows a saved change at once.
 */
export const useSettings = () => {
  const { get } = useFetchClient();
  const notifyError = useApiErrorNotification();
  const [state, setState] = useState<{ settings?: BaseSettings; error?: unknown; isLoading: boolean }>({ isLoading: true });

  useEffect(() => {
    let current = true;
    get<{ data: BaseSettings }>('/contacts/settings')
      .then(({ data }) => current && setState({ settings: data.data, isLoading: false }))
      .catch((error) => {
        if (!current) return;
        notifyError(error);
        setState({ error, isLoading: false });
      });
    return () => {
      current = false;
    };
  }, [get, notifyError]);

  const set = useCallback((settings: BaseSettings) => setState({ settings, isLoading: false }), []);
  return { ...state, set };
};
