import { useIntl } from 'react-intl';
import type { ContactFormValues, FieldErrors } from '../types';
import { useContactLabels } from '../hooks/useContactLabels';
import { getTranslation } from '../utils/getTranslation';
import { FormItem } from './FormItem';
import { FormSection } from './FormSection';
import { CountryFieldInput } from './field-inputs/CountryFieldInput';
import { TagsInput } from './field-inputs/TagsInput';
import { TextFieldInput } from './field-inputs/TextFieldInput';

type TextKey = 'email' | 'mobile' | 'firstName' | 'lastName' | 'company';

interface IdentitySectionProps {
  values: ContactFormValues;
  errors: FieldErrors;
  disabled?: boolean;
  /** The base's unicity key (Settings): required on every contact. */
  uniqueKey?: 'email' | 'mobile';
  onChange: <K extends TextKey | 'country' | 'tags'>(key: K, value: ContactFormValues[K]) => void;
}

const TEXT_FIELDS: Array<{ key: TextKey; type: 'text' | 'email' | 'tel' }> = [
  { key: 'email', type: 'email' },
  { key: 'mobile', type: 'tel' },
  { key: 'firstName', type: 'text' },
  { key: 'lastName', type: 'text' },
  { key: 'company', type: 'text' },
];

export const IdentitySection = ({ values, errors, disabled, uniqueKey, onChange }: IdentitySectionProps) => {
  const { formatMessage } = useIntl();
  const labels = useContactLabels();
  return (
    <FormSection
      title={formatMessage({ id: getTranslation('form.section.identity'), defaultMessage: 'Contact' })}
      description={
        disabled
          ? undefined
          : uniqueKey
            ? formatMessage(
                {
                  id: getTranslation('form.section.identity.key'),
                  defaultMessage: '{key} is the unicity key of the base: every contact has one, no two share it.',
                },
                { key: labels.fieldLabel({ key: uniqueKey, label: '' }) },
              )
            : undefined
      }
    >
      {TEXT_FIELDS.map(({ key, type }) => (
        <FormItem key={key}>
          <TextFieldInput
            name={key}
            type={type}
            label={labels.fieldLabel({ key, label: '' })}
            hint={
              key === 'mobile' && !disabled
                ? formatMessage({
                    id: getTranslation('form.mobile.hint'),
                    defaultMessage: 'International format, e.g. +33612345678',
                  })
                : undefined
            }
            value={values[key]}
            error={errors[key]}
            disabled={disabled}
            onChange={(value) => onChange(key, value)}
          />
        </FormItem>
      ))}
      <FormItem>
        <CountryFieldInput
          name="country"
          label={labels.fieldLabel({ key: 'country', label: '' })}
          hint={
            disabled
              ? undefined
              : formatMessage({
                  id: getTranslation('form.country.hint'),
                  defaultMessage: 'Also the country of mobile numbers written without +33, +1…',
                })
          }
          value={values.country}
          error={errors.country}
          disabled={disabled}
          onChange={(value) => onChange('country', value)}
        />
      </FormItem>
      <FormItem>
        <TagsInput
          name="tags"
          label={labels.fieldLabel({ key: 'tags', label: '' })}
          value={values.tags}
          error={errors.tags}
          disabled={disabled}
          onChange={(value) => onChange('tags', value)}
        />
      </FormItem>
    </FormSection>
  );
};
