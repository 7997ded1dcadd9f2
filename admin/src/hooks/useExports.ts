import { EXPORT_ACTIVE_STATUSES } from '../../../shared/constants';
import type { ExportView } from '../exportTypes';
import { useExportApi } from './useExportApi';
import { usePolledPagedList } from './usePolledPagedList';

export const isActiveExport = (e: Pick<ExportView, 'status'>) => EXPORT_ACTIVE_STATUSES.includes(e.status);

/** One page of the export history, read again every 2 s while one of its exports is queued or running. */
export const useExports = ({ page, pageSize }: { page?: string; pageSize?: string }) => {
  const api = useExportApi();
  const { rows, ...rest } = usePolledPagedList(JSON.stringify([page, pageSize]), () => api.list({ page, pageSize }), isActiveExport);
  return { exports: rows, ...rest };
};
