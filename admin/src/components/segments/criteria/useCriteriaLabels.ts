import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useContactLabels } from '../../../hooks/useContactLabels';
import { countryName } from '../../../utils/countries';
import { getTranslation } from '../../../utils/getTranslation';
import type { CriteriaField } from './criteriaFields';

/** Operators and values as the builder shows them; the operators themselves come from shared/segments.ts. */
export const useCriteriaLabels = () => {
  const { formatMessage, locale } = useIntl();
  const contactLabels = useContactLabels();

  // Every operator has its entry in translations/*.json (segments.operator.<name>).
  const operator = useCallback(
    (op: string) => formatMessage({ id: getTranslation(`segments.operator.${op}`), defaultMessage: op }),
    [formatMessage],
  );

  /** A value of a select as people read it: a translated opt-in or status, a country's name. */
  const option = useCallback(
    (field: CriteriaField | undefined, value: string) => {
      if (field?.reader === 'optIn') return contactLabels.optIn(value);
      if (field?.reader === 'country') return `${countryName(value, locale)} (${value})`;
      if (field?.reader === 'status') return contactLabels.value(field.key, value) ?? value;
      return value;
    },
    [contactLabels, locale],
  );

  return useMemo(() => ({ operator, option }), [operator, option]);
};
