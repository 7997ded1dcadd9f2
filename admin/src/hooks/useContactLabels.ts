import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { builtInField } from '../../../shared/fields';
import type { ContactField } from '../types';
import { countryName } from '../utils/countries';
import { getTranslation } from '../utils/getTranslation';

/** Built-in enumerations translated under one prefix each (optIn.yes, emailStatus.valid …). */
const ENUM_PREFIXES: Record<string, string> = {
  emailOptIn: 'optIn',
  smsOptIn: 'optIn',
  emailStatus: 'emailStatus',
  mobileStatus: 'mobileStatus',
};

const DEFAULT_VALUE_LABELS: Record<string, string> = {
  'optIn.yes': 'Yes',
  'optIn.no': 'No',
  'optIn.orange': 'Orange list',
  'optIn.blocklist': 'Blocklist',
  'optIn.unknown': 'Unknown',
};

/**
 * Labels of contact fields and values in the admin's language. A built-in
 * field still carrying its English default label is translated by key
 * (field.email …); a label someone chose is shown as written.
 */
export const useContactLabels = () => {
  const { formatMessage, locale } = useIntl();

  const fieldLabel = useCallback(
    (field: Pick<ContactField, 'key' | 'label'> & { builtIn?: boolean }) => {
      const declared = builtInField(field.key);
      if (!declared || field.builtIn === false) return field.label;
      if (field.label && field.label !== declared.label) return field.label;
      return formatMessage({ id: getTranslation(`field.${field.key}`), defaultMessage: declared.label });
    },
    [formatMessage],
  );

  /** A built-in field, or a column that is no field (Strapi's dates, the activity degree) translated under field.<key>. */
  const columnLabel = useCallback(
    (f: { key: string; label: string; builtIn?: boolean }) =>
      f.builtIn ? fieldLabel(f) : formatMessage({ id: getTranslation(`field.${f.key}`), defaultMessage: f.label }),
    [fieldLabel, formatMessage],
  );

  /** An opt-in value; null/undefined reads "Unknown". */
  const optIn = useCallback(
    (value: string | null | undefined) => {
      const id = `optIn.${value ?? 'unknown'}`;
      return formatMessage({ id: getTranslation(id), defaultMessage: DEFAULT_VALUE_LABELS[id] ?? String(value) });
    },
    [formatMessage],
  );

  /** A stored value of a built-in field as people read it (an enumeration's label, a country's name). */
  const value = useCallback(
    (key: string, raw: unknown): string | null => {
      if (raw === null || raw === undefined || raw === '') return key === 'emailOptIn' || key === 'smsOptIn' ? optIn(null) : null;
      const prefix = ENUM_PREFIXES[key];
      if (prefix && typeof raw === 'string') {
        const id = `${prefix}.${raw}`;
        return formatMessage({ id: getTranslation(id), defaultMessage: DEFAULT_VALUE_LABELS[id] ?? raw });
      }
      if (key === 'country' && typeof raw === 'string') return countryName(raw, locale);
      return null;
    },
    [formatMessage, locale, optIn],
  );

  return useMemo(() => ({ fieldLabel, columnLabel, optIn, value }), [fieldLabel, columnLabel, optIn, value]);
};
