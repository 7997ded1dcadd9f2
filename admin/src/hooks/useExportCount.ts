import { useMemo } from 'react';
import { criteriaOf, type ExportTarget } from '../components/exports/exportModel';
import { useCriteriaPreview } from './useCriteriaPreview';

/**
 * How many contacts an export target holds: what the page said, a
 * selection's length, or the same count the segment builder shows (past the
 * server's time budget, "at least").
 */
export const useExportCount = (target: ExportTarget) => {
  const known = target.count ?? (typeof target.scope !== 'function' && 'ids' in target.scope ? target.scope.ids.length : undefined);
  const criteria = useMemo(() => (known === undefined ? criteriaOf(target.scope) : null), [known, target.scope]);
  const { preview, isLoading } = useCriteriaPreview(criteria);
  if (known !== undefined) return { count: known, isLoading: false };
  return { count: preview?.count ?? null, atLeast: preview?.atLeast, isLoading: !!criteria && isLoading };
};
