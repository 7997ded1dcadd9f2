import { useEffect } from 'react';
import { usePagedList, type Page } from './usePagedList';

const REFRESH_MS = 2000;

/** A page of a list (usePagedList), read again every 2 s while `busy` says one of its rows is still moving. */
export const usePolledPagedList = <T,>(key: string, load: () => Promise<Page<T>>, busy: (row: T) => boolean) => {
  const list = usePagedList(key, load);
  const { rows, reload } = list;
  const moving = rows.some(busy);
  useEffect(() => {
    if (!moving) return;
    // Each answer with a moving row schedules the next read; the rows stay on screen meanwhile.
    const timer = setTimeout(reload, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [rows, moving, reload]);
  return list;
};
