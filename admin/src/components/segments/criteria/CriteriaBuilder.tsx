import { useCallback, useMemo } from 'react';
import { Loader } from '@strapi/design-system';
import { useCriteriaFields } from '../../../hooks/useCriteriaFields';
import { useCriteriaTargets } from '../../../hooks/useCriteriaTargets';
import { BuilderContext, type BuilderContextValue } from './BuilderContext';
import { addToGroup, canAdd, mapNode, type DraftGroup, type DraftNode } from './criteriaModel';
import { CriteriaGroupEditor } from './CriteriaGroupEditor';

interface CriteriaBuilderProps {
  value: DraftGroup;
  onChange: (next: DraftGroup) => void;
  /** Draft key → the server's message about that condition (see keyOfErrorPath). */
  errors?: Record<string, string>;
  /** The segment being edited, which its own rules cannot name. */
  excludeSegment?: string;
}

const NO_ERRORS: Record<string, string> = {};

/**
 * The criteria editor of the segment page and of the contacts search: its
 * fields, operators and value inputs all derive from shared/ (fields.ts,
 * segments.ts) and the custom fields of GET /contacts/fields.
 */
export const CriteriaBuilder = ({ value, onChange, errors = NO_ERRORS, excludeSegment }: CriteriaBuilderProps) => {
  const { fields, byKey, isLoading } = useCriteriaFields();
  const { segments, imports } = useCriteriaTargets();
  const change = useCallback((key: string, fn: (node: DraftNode) => DraftNode | null) => onChange(mapNode(value, key, fn)), [value, onChange]);
  const add = useCallback((groupKey: string, node: DraftNode) => onChange(addToGroup(value, groupKey, node)), [value, onChange]);
  const context = useMemo<BuilderContextValue>(
    () => ({ fields, byKey, segments, imports, excludeSegment, errors, canAdd: canAdd(value), change, add }),
    [fields, byKey, segments, imports, excludeSegment, errors, value, change, add],
  );
  if (isLoading) return <Loader small />;
  return (
    <BuilderContext.Provider value={context}>
      <div data-testid="criteria-builder">
        <CriteriaGroupEditor group={value} depth={0} />
      </div>
    </BuilderContext.Provider>
  );
};
