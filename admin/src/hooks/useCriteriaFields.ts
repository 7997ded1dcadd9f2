import { useMemo } from 'react';
import { criteriaFields, type CriteriaField } from '../components/segments/criteria/criteriaFields';
import { useContactLabels } from './useContactLabels';
import { useFields } from './useFields';

/** The fields the segment builder offers, labelled in the admin's language, and a lookup by key. */
export const useCriteriaFields = () => {
  const { columnLabel } = useContactLabels();
  const { fields: stored, isLoading } = useFields();
  return useMemo(() => {
    const fields = criteriaFields(stored, columnLabel);
    const byKey = new Map<string, CriteriaField>(fields.map((f) => [f.key, f]));
    return { fields, byKey, isLoading };
  }, [stored, columnLabel, isLoading]);
};
