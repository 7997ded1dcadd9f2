import { useEffect, useRef, useState } from 'react';
import type { Criteria } from '../../../shared/segments';
import type { SegmentPreview } from '../segmentTypes';
import { readApiError } from '../utils/apiError';
import { useSegmentApi } from './useSegmentApi';

/** How long the criteria must stay still before they are counted. */
const DEBOUNCE_MS = 400;

export interface PreviewState {
  preview?: SegmentPreview;
  /** A request is on its way (the last answer stays shown meanwhile). */
  isLoading: boolean;
  /** The server refused the criteria: its message, and the path of the bad condition. */
  error?: { message: string; path?: string };
}

/**
 * The live count of criteria as they are edited: POST /segments/preview once
 * they have not changed for 400 ms; a request for criteria that changed since
 * is aborted, so an old answer never overwrites a newer one.
 */
export const useCriteriaPreview = (criteria: Criteria | null) => {
  const api = useSegmentApi();
  const [state, setState] = useState<PreviewState>({ isLoading: !!criteria });
  const key = criteria ? JSON.stringify(criteria) : '';
  const latest = useRef<Criteria | null>(criteria);
  latest.current = criteria;

  useEffect(() => {
    if (!key) {
      setState({ isLoading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, isLoading: true }));
    const timer = setTimeout(() => {
      api
        .preview(latest.current!, controller.signal)
        .then((preview) => !controller.signal.aborted && setState({ preview, isLoading: false }))
        .catch((error) => {
          if (controller.signal.aborted) return;
          const info = readApiError(error);
          setState((s) => ({ preview: s.preview, isLoading: false, error: { message: info.message ?? '', path: info.path } }));
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, key]);

  return state;
};
