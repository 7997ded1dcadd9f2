import { useIntl } from 'react-intl';
import { EMAIL_STATUSES, MOBILE_STATUSES, OPT_IN_VALUES } from '../../../server/src/constants';
import type { ContactFormValues, FieldErrors } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { FormItem } from './FormItem';
import { FormSection } from './FormSection';
import { SelectFieldInput } from './field-inputs/SelectFieldInput';

type EnumKey = 'emailOptIn' | 'smsOptIn' | 'emailStatus' | 'mobileStatus';

interface ConsentSectionProps {
  values: ContactFormValues;
  errors: FieldErrors;
  disabled?: boolean;
  onChange: (key: EnumKey, value: string) => void;
}

// Each enumeration's values are translated under one message prefix (optIn.yes, emailStatus.valid …).
const ENUMS: Array<{ key: EnumKey; label: string; values: readonly string[]; prefix: string }> = [
  { key: 'emailOptIn', label: 'E-mail opt-in', values: OPT_IN_VALUES, prefix: 'optIn' },
  { key: 'smsOptIn', label: 'SMS opt-in', values: OPT_IN_VALUES, prefix: 'optIn' },
  { key: 'emailStatus', label: 'E-mail status', values: EMAIL_STATUSES, prefix: 'emailStatus' },
  { key: 'mobileStatus', label: 'Mobile status', values: MOBILE_STATUSES, prefix: 'mobileStatus' },
];

export const ConsentSection = ({ values, errors, disabled, onChange }: ConsentSectionProps) => {
  const { formatMessage } = useIntl();
  return (
    <FormSection
      title={formatMessage({ id: getTranslation('form.section.consent'), defaultMessage: 'Consent and deliverability' })}
    >
      {ENUMS.map(({ key, label, values: options, prefix }) => (
        <FormItem key={key}>
          <SelectFieldInput
            name={key}
            label={formatMessage({ id: getTranslation(`field.${key}`), defaultMessage: label })}
            options={options.map((value) => ({
              value,
              label: formatMessage({ id: getTranslation(`${prefix}.${value}`), defaultMessage: value }),
            }))}
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
