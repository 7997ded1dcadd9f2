import { Flex } from '@strapi/design-system';
import type { ContactField, ContactFormValues, FieldErrors } from '../types';
import { ConsentSection } from './ConsentSection';
import { CustomFieldsSection } from './CustomFieldsSection';
import { IdentitySection } from './IdentitySection';

interface ContactFormProps {
  values: ContactFormValues;
  errors: FieldErrors;
  fields: ContactField[];
  disabled?: boolean;
  customFieldsDisabled?: boolean;
  uniqueKey?: 'email' | 'mobile';
  onChange: <K extends Exclude<keyof ContactFormValues, 'attributes'>>(key: K, value: ContactFormValues[K]) => void;
  onAttributeChange: (key: string, value: unknown) => void;
}

export const ContactForm = ({
  values,
  errors,
  fields,
  disabled,
  customFieldsDisabled,
  uniqueKey,
  onChange,
  onAttributeChange,
}: ContactFormProps) => (
  <Flex direction="column" alignItems="stretch" gap={6}>
    <IdentitySection values={values} errors={errors} disabled={disabled} uniqueKey={uniqueKey} onChange={onChange} />
    <CustomFieldsSection
      fields={fields}
      values={values.attributes}
      errors={errors}
      disabled={disabled || customFieldsDisabled}
      onChange={onAttributeChange}
    />
    <ConsentSection values={values} errors={errors} disabled={disabled} onChange={onChange} />
  </Flex>
);
