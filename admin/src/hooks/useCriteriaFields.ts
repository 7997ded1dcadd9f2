import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { criteriaFields, type CriteriaField } from '../components/segments/criteria/criteriaFields';
import { getTranslation } from '../utils/getTranslation';
import { useContactLabels } from './useContactLabels';
import { useFields } from './useFields';

/** The fields the segment builder offers, labelled in the admin's language, and a lookup by key. */
export const useCriteriaFields = () => {
  const { formatMessage } = useIntl();
  const labels = useContactLabels();
  const { fields: stored, isLoading } = useFields();
  const labelOf = useCallback(
    (f: { key: string; label: string; builtIn?: boolean }) =>
      f.builtIn ? labels.fieldLabel(f) : formatMessage({ id: getTranslation(`field.${f.key}`), defaultMessage: f.label }),
    [labels, formatMessage],
  );
  return useMemo(() => {
    const fields = criteriaFields(stored, labelOf);
    const byKey = new Map<string, CriteriaField>(fields.map((f) => [f.key, f]));
    return { fields, byKey, isLoading };
  }, [stored, labelOf, isLoading]);
};
