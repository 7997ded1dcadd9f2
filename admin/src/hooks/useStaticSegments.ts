import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export interface SegmentOption {
  documentId: string;
  name: string;
}

/**
 * Static segments an import may add its contacts to. The segments API may not
 * exist (or the role may not read it): then `available` stays false and the
 * picker is hidden rather than shown broken.
 */
export const useStaticSegments = () => {
  const { get } = useFetchClient();
  const [state, setState] = useState<{ segments: SegmentOption[]; available: boolean; isLoading: boolean }>({
    segments: [],
    available: false,
    isLoading: true,
  });

  useEffect(() => {
    let current = true;
    get<{ data: Array<{ documentId: string; name: string; kind?: string }> }>('/contacts/segments', { params: { pageSize: 100 } })
      .then(({ data }) => {
        if (!current) return;
        const list = Array.isArray(data?.data) ? data.data : null;
        setState({
          segments: (list ?? [])
            .filter((s) => !s.kind || s.kind === 'static')
            .map((s) => ({ documentId: s.documentId, name: s.name })),
          available: !!list,
          isLoading: false,
        });
      })
      .catch(() => current && setState({ segments: [], available: false, isLoading: false }));
    return () => {
      current = false;
    };
  }, [get]);

  return state;
};
