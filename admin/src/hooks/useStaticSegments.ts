import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export interface SegmentOption {
  documentId: string;
  name: string;
}

/**
 * Static segments (those an import or a bulk action may add contacts to). The
 * role may not read segments: then `available` stays false and the picker is
 * hidden rather than shown broken.
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
    get<{ data: Array<{ documentId: string; name: string; kind?: string }> }>('/contacts/segments', {
      params: { pageSize: 200, kind: 'static' },
    })
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
