import { useIntl } from 'react-intl';
import { EMAIL_STATUSES, MOBILE_STATUSES, OPT_IN_VALUES, type OptIn } from '../../../shared/constants';
import { useContactLabels } from '../hooks/useContactLabels';
import type { ContactFormValues, FieldErrors } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { FormItem } from './FormItem';
import { FormSection } from './FormSection';
import { SelectFieldInput } from './field-inputs/SelectFieldInput';

type OptInKey = 'emailOptIn' | 'smsOptIn';
type StatusKey = 'emailStatus' | 'mobileStatus';

interface ConsentSectionProps {
  values: ContactFormValues;
  errors: FieldErrors;
  disabled?: boolean;
  onChange: <K extends OptInKey | StatusKey>(key: K, value: ContactFormValues[K]) => void;
}

/** The select's value for an unset opt-in: the API stores null ("unknown"), a select needs a string. */
const UNKNOWN = 'unknown';

const OPT_INS: OptInKey[] = ['emailOptIn', 'smsOptIn'];
const STATUSES: Array<{ key: StatusKey; values: readonly string[] }> = [
  { key: 'emailStatus', values: EMAIL_STATUSES },
  { key: 'mobileStatus', values: MOBILE_STATUSES },
];

export const ConsentSection = ({ values, errors, disabled, onChange }: ConsentSectionProps) => {
  const { formatMessage } = useIntl();
  const labels = useContactLabels();
  const fieldLabel = (key: string) => labels.fieldLabel({ key, label: '' });
  return (
    <FormSection
      title={formatMessage({ id: getTranslation('form.section.consent'), defaultMessage: 'Consent and deliverability' })}
      description={
        disabled
          ? undefined
          : formatMessage({
              id: getTranslation('form.section.consent.description'),
              defaultMessage: 'Unknown means the contact never said: it is not a yes.',
            })
      }
    >
      {OPT_INS.map((key) => (
        <FormItem key={key}>
          <SelectFieldInput
            name={key}
            label={fieldLabel(key)}
            options={[UNKNOWN, ...OPT_IN_VALUES].map((value) => ({
              value,
              label: labels.optIn(value === UNKNOWN ? null : value),
            }))}
            value={values[key] ?? UNKNOWN}
            error={errors[key]}
            disabled={disabled}
            onChange={(value) => value && onChange(key, value === UNKNOWN ? null : (value as OptIn))}
          />
        </FormItem>
      ))}
      {STATUSES.map(({ key, values: options }) => (
        <FormItem key={key}>
          <SelectFieldInput
            name={key}
            label={fieldLabel(key)}
            options={options.map((value) => ({ value, label: labels.value(key, value) ?? value }))}
            value={values[key]}
            error={errors[key]}
            disabled={disabled}
            onChange={(value) => value && onChange(key, value)}
          />
        </FormItem>
      ))}
    </FormSection>
  );
};
