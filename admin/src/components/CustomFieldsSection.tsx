import { useIntl } from 'react-intl';
import type { ContactField, FieldErrors } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { FormItem } from './FormItem';
import { FormSection } from './FormSection';
import { CustomFieldInput } from './field-inputs/CustomFieldInput';

interface CustomFieldsSectionProps {
  fields: ContactField[];
  values: Record<string, unknown>;
  errors: FieldErrors;
  disabled?: boolean;
  onChange: (key: string, value: unknown) => void;
}

export const CustomFieldsSection = ({ fields, values, errors, disabled, onChange }: CustomFieldsSectionProps) => {
  const { formatMessage } = useIntl();
  if (fields.length === 0) return null;
  return (
    <FormSection title={formatMessage({ id: getTranslation('form.section.custom'), defaultMessage: 'Custom fields' })}>
      {fields.map((field) => (
        // A long text gets the whole row.
        <FormItem key={field.key} full={field.type === 'longtext'}>
          <CustomFieldInput
            field={field}
            value={values[field.key]}
            error={errors[`attributes.${field.key}`]}
            disabled={disabled}
            onChange={(value) => onChange(field.key, value)}
          />
        </FormItem>
      ))}
    </FormSection>
  );
};
