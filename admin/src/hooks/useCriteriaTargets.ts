import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ImportView } from '../../../shared/imports';
import type { Segment } from '../segmentTypes';

export interface TargetOption {
  documentId: string;
  name: string;
  /** Imports: when it ran; segments: its kind. */
  detail?: string;
}

interface TargetsState {
  /** null: the role may not list them (the rule is then not offered). */
  segments: TargetOption[] | null;
  imports: TargetOption[] | null;
}

const PAGE = { page: 1, pageSize: 200 };

/** What "in segment" and "in import" conditions may name: every segment, the latest imports. */
export const useCriteriaTargets = () => {
  const { get } = useFetchClient();
  const [state, setState] = useState<TargetsState>({ segments: null, imports: null });

  useEffect(() => {
    let current = true;
    get<{ data: Segment[] }>('/contacts/segments', { params: PAGE })
      .then(({ data }) => {
        if (!current) return;
        const segments = data.data.map((s) => ({ documentId: s.documentId, name: s.name, detail: s.kind }));
        setState((s) => ({ ...s, segments }));
      })
      .catch(() => undefined);
    get<{ data: ImportView[] }>('/contacts/imports', { params: { page: 1, pageSize: 100 } })
      .then(({ data }) => {
        if (!current) return;
        const imports = data.data
          .filter((i) => i.status !== 'draft')
          .map((i) => ({ documentId: i.documentId, name: i.name, detail: i.createdAt ?? undefined }));
        setState((s) => ({ ...s, imports }));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [get]);

  return state;
};
