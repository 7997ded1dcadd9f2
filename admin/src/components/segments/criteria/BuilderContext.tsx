import { createContext, useContext } from 'react';
import type { TargetOption } from '../../../hooks/useCriteriaTargets';
import type { CriteriaField } from './criteriaFields';
import type { DraftNode } from './criteriaModel';

export interface BuilderContextValue {
  fields: CriteriaField[];
  byKey: Map<string, CriteriaField>;
  /** null: the role may not list them, and the rule is not offered. */
  segments: TargetOption[] | null;
  imports: TargetOption[] | null;
  /** The segment being edited: its own rules cannot name it. */
  excludeSegment?: string;
  /** Draft key → what the server said about that condition. */
  errors: Record<string, string>;
  /** More conditions fit (the compiler caps their number). */
  canAdd: boolean;
  change: (key: string, fn: (node: DraftNode) => DraftNode | null) => void;
  add: (groupKey: string, node: DraftNode) => void;
}

export const BuilderContext = createContext<BuilderContextValue | null>(null);

export const useBuilder = () => {
  const value = useContext(BuilderContext);
  if (!value) throw new Error('useBuilder is used outside a CriteriaBuilder');
  return value;
};
