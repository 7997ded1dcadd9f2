import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ContactField } from '../types';
import { readApiError } from '../utils/apiError';
import { useApiErrorNotification } from './useApiErrorNotification';

interface FieldsState {
  fields: ContactField[];
  /** The role may not read field definitions (fields.read): callers fall back to keys, no error shown. */
  forbidden: boolean;
  error?: unknown;
  isLoading: boolean;
}

/** Every field, built-in columns first, then custom fields in their order; `reload` after a change. */
export const useFields = () => {
  const { get } = useFetchClient();
  const notifyError = useApiErrorNotification();
  const [state, setState] = useState<FieldsState>({ fields: [], forbidden: false, isLoading: true });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    get<{ data: ContactField[] }>('/contacts/fields')
      .then(({ data }) => current && setState({ fields: data.data, forbidden: false, isLoading: false }))
      .catch((error) => {
        if (!current) return;
        if (readApiError(error).status === 403) {
          setState({ fields: [], forbidden: true, isLoading: false });
          return;
        }
        notifyError(error);
        setState({ fields: [], forbidden: false, error, isLoading: false });
      });
    return () => {
      current = false;
    };
  }, [get, notifyError, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
};
