import { useEffect } from 'react';
import { EXPORT_ACTIVE_STATUSES } from '../../../shared/constants';
import type { ExportView } from '../exportTypes';
import { useExportApi } from './useExportApi';
import { usePagedList } from './usePagedList';

const REFRESH_MS = 2000;

export const isActiveExport = (e: Pick<ExportView, 'status'>) => EXPORT_ACTIVE_STATUSES.includes(e.status);

/** One page of the export history, read again every 2 s while one of its exports is queued or running. */
export const useExports = ({ page, pageSize }: { page?: string; pageSize?: string }) => {
  const api = useExportApi();
  const { rows, reload, ...rest } = usePagedList(JSON.stringify([page, pageSize]), () => api.list({ page, pageSize }));
  const running = rows.some(isActiveExport);
  useEffect(() => {
    if (!running) return;
    // A reload keeps the rows on screen; each answer with a running export schedules the next.
    const timer = setTimeout(reload, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [rows, running, reload]);
  return { exports: rows, reload, ...rest };
};
