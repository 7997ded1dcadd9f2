import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Pagination } from '../types';
import type { ImportView } from '../../../shared/imports';
import { isActiveImport } from '../utils/importFormat';
import { useApiErrorNotification } from './useApiErrorNotification';

const REFRESH_MS = 2000;

interface ImportsRequest {
  page?: string;
  pageSize?: string;
  status?: string;
}

/** One page of the import history, refreshed every 2 s while one of its imports is queued or running. */
export const useImports = ({ page, pageSize, status }: ImportsRequest) => {
  const { get } = useFetchClient();
  const notifyError = useApiErrorNotification();
  const [state, setState] = useState<{ imports: ImportView[]; pagination?: Pagination; error?: unknown; isLoading: boolean }>({
    imports: [],
    isLoading: true,
  });
  const [version, setVersion] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (quiet: boolean) => {
      if (!quiet) setState((s) => ({ ...s, isLoading: true, error: undefined }));
      try {
        const { data } = await get<{ data: ImportView[]; meta: { pagination: Pagination } }>('/contacts/imports', {
          params: { page, pageSize, status: status || undefined },
        });
        if (request !== latest.current) return;
        setState({ imports: data.data, pagination: data.meta.pagination, isLoading: false });
        if (data.data.some((i) => isActiveImport(i.status))) timer = setTimeout(() => load(true), REFRESH_MS);
      } catch (error) {
        if (request !== latest.current) return;
        if (quiet) {
          timer = setTimeout(() => load(true), REFRESH_MS * 2);
          return;
        }
        notifyError(error);
        setState({ imports: [], error, isLoading: false });
      }
    };
    load(false);
    return () => {
      if (timer) clearTimeout(timer);
      latest.current += 1;
    };
  }, [get, notifyError, page, pageSize, status, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
};
