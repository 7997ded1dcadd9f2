import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ContactField } from '../types';
import { readApiError } from '../utils/apiError';
import { useApiErrorNotification } from './useApiErrorNotification';

interface CustomFieldsState {
  fields: ContactField[];
  /** The role may read contacts but not the field definitions (fields.read): not an error. */
  forbidden: boolean;
  error?: unknown;
  isLoading: boolean;
}

/** The custom fields (built-in columns have their own inputs), in their configured order. */
export const useCustomFields = () => {
  const { get } = useFetchClient();
  const notifyError = useApiErrorNotification();
  const [state, setState] = useState<CustomFieldsState>({ fields: [], forbidden: false, isLoading: true });

  useEffect(() => {
    let current = true;
    get<{ data: ContactField[] }>('/contacts/fields')
      .then(({ data }) => {
        if (current) setState({ fields: data.data.filter((f) => !f.builtIn), forbidden: false, isLoading: false });
      })
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
  }, [get, notifyError]);

  return state;
};
