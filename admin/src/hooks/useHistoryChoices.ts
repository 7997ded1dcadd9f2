import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useApiErrorNotification } from './useApiErrorNotification';

export interface HistoryChoice {
  documentId: string;
  name: string;
  status: string;
  createdAt: string | null;
}

/** The newest the history pages hold (the API's largest page). */
const CHOICES = 100;

/**
 * The newest imports or exports a recurring import or scheduled export can be
 * made from (`usable` keeps those the server accepts: an import once started,
 * an export of any status, since only its request is reused).
 */
export const useHistoryChoices = (resource: 'imports' | 'exports', usable: (c: HistoryChoice) => boolean, skip = false) => {
  const { get } = useFetchClient();
  const notifyError = useApiErrorNotification();
  const [state, setState] = useState<{ choices: HistoryChoice[]; isLoading: boolean }>({ choices: [], isLoading: !skip });
  useEffect(() => {
    if (skip) return;
    let live = true;
    get<{ data: HistoryChoice[] }>(`/contacts/${resource}`, { params: { page: 1, pageSize: CHOICES } })
      .then(({ data }) => live && setState({ choices: data.data.filter(usable), isLoading: false }))
      .catch((error) => {
        if (!live) return;
        notifyError(error);
        setState({ choices: [], isLoading: false });
      });
    return () => {
      live = false;
    };
    // `usable` is a filter fixed by the caller; reading again for each render's new function would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [get, notifyError, resource, skip]);
  return state;
};
