import { useIntl } from 'react-intl';
import type { ContactFormValues, FieldErrors } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { FormItem } from './FormItem';
import { FormSection } from './FormSection';
import { TagsInput } from './field-inputs/TagsInput';
import { TextFieldInput } from './field-inputs/TextFieldInput';

type TextKey = 'email' | 'mobile' | 'firstName' | 'lastName' | 'company';

interface IdentitySectionProps {
  values: ContactFormValues;
  errors: FieldErrors;
  disabled?: boolean;
  onChange: <K extends TextKey | 'tags'>(key: K, value: ContactFormValues[K]) => void;
}

const TEXT_FIELDS: Array<{ key: TextKey; type: 'text' | 'email' | 'tel'; label: string }> = [
  { key: 'email', type: 'email', label: 'E-mail' },
  { key: 'mobile', type: 'tel', label: 'Mobile' },
  { key: 'firstName', type: 'text', label: 'First name' },
  { key: 'lastName', type: 'text', label: 'Last name' },
  { key: 'company', type: 'text', label: 'Company' },
];

export const IdentitySection = ({ values, errors, disabled, onChange }: IdentitySectionProps) => {
  const { formatMessage } = useIntl();
  return (
    <FormSection
      title={formatMessage({ id: getTranslation('form.section.identity'), defaultMessage: 'Contact' })}
      description={
        disabled
          ? undefined
          : formatMessage({
              id: getTranslation('form.section.identity.description'),
              defaultMessage: 'A contact needs an e-mail address or a mobile number.',
            })
      }
    >
      {TEXT_FIELDS.map(({ key, type, label }) => (
        <FormItem key={key}>
          <TextFieldInput
            name={key}
            type={type}
            label={formatMessage({ id: getTranslation(`field.${key}`), defaultMessage: label })}
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
        <TagsInput
          name="tags"
          label={formatMessage({ id: getTranslation('field.tags'), defaultMessage: 'Tags' })}
          value={values.tags}
          error={errors.tags}
          disabled={disabled}
          onChange={(value) => onChange('tags', value)}
        />
      </FormItem>
    </FormSection>
  );
};
