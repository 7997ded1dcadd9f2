import { useLoaded } from './useLoaded';
import { useSegmentApi } from './useSegmentApi';

/** Loads one segment; without a documentId (the create page) there is nothing to load. `reload` after a refresh. */
export const useSegment = (documentId?: string) => {
  const api = useSegmentApi();
  const { data, ...rest } = useLoaded(documentId, api.find);
  return { segment: data, ...rest };
};
