import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Contact } from '../types';
import { useApiErrorNotification } from './useApiErrorNotification';

/** Loads one contact; without a documentId (the create page) there is nothing to load. */
export const useContact = (documentId?: string) => {
  const { get } = useFetchClient();
  const notifyError = useApiErrorNotification();
  const [state, setState] = useState<{ contact?: Contact; error?: unknown; isLoading: boolean }>({
    isLoading: !!documentId,
  });

  useEffect(() => {
    if (!documentId) {
      setState({ isLoading: false });
      return;
    }
    let current = true;
    setState({ isLoading: true });
    get<{ data: Contact }>(`/contacts/contacts/${encodeURIComponent(documentId)}`)
      .then(({ data }) => current && setState({ contact: data.data, isLoading: false }))
      .catch((error) => {
        if (!current) return;
        notifyError(error);
        setState({ error, isLoading: false });
      });
    return () => {
      current = false;
    };
  }, [documentId, get, notifyError]);

  return state;
};
