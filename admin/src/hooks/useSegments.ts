import { useSegmentApi } from './useSegmentApi';
import { usePagedList } from './usePagedList';

/** One page of segments (default ones first); `reload` after a change. */
export const useSegments = ({ page, pageSize }: { page?: string; pageSize?: string }) => {
  const api = useSegmentApi();
  const { rows, ...rest } = usePagedList(JSON.stringify([page, pageSize]), () => api.list({ page, pageSize }));
  return { segments: rows, ...rest };
};
