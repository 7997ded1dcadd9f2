import type { Criteria } from '../../shared/segments';
import type { Contact } from './types';

/*
 * The admin API's segment shapes, as the admin reads them (server/src/services/segments.ts
 * answers them). The criteria vocabulary itself comes from shared/segments.ts.
 */

export type SegmentKind = 'static' | 'dynamic';

/** What one refresh did; `error` instead when it failed. */
export interface SegmentRefresh {
  count?: number;
  added?: number;
  removed?: number;
  durationMs?: number;
  at: string;
  error?: string;
}

export interface Segment {
  id: number;
  documentId: string;
  name: string;
  description: string | null;
  kind: SegmentKind;
  /** null for static segments. */
  criteria: Criteria | null;
  count: number;
  computedAt: string | null;
  builtIn: boolean;
  lastRefresh: SegmentRefresh | null;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentInput {
  name: string;
  description?: string | null;
  kind: SegmentKind;
  criteria?: Criteria;
}

/** POST /segments/preview: past the server's time budget the count is unknown (`atLeast` instead). */
export interface SegmentPreview {
  count: number | null;
  atLeast?: number;
  estimated?: boolean;
  sample: Contact[];
  durationMs?: number;
}

/** A selection of contacts: their documentIds, or every contact matching criteria. */
export type ContactsTarget = { ids: string[] } | { criteria: Criteria };
