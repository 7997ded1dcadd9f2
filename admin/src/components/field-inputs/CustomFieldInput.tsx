import type { ContactField } from '../../types';
import { BooleanFieldInput } from './BooleanFieldInput';
import { DateFieldInput } from './DateFieldInput';
import { DateTimeFieldInput } from './DateTimeFieldInput';
import { MultiSelectFieldInput } from './MultiSelectFieldInput';
import { NumberFieldInput } from './NumberFieldInput';
import { SelectFieldInput } from './SelectFieldInput';
import { TextareaFieldInput } from './TextareaFieldInput';
import { TextFieldInput } from './TextFieldInput';

interface CustomFieldInputProps {
  field: ContactField;
  value: unknown;
  error?: string;
  disabled?: boolean;
  onChange: (value: unknown) => void;
}

const TEXT_TYPES = { text: 'text', email: 'email', phone: 'tel', url: 'url' } as const;

/** Renders a custom field with the input its type calls for. */
export const CustomFieldInput = ({ field, value, error, disabled, onChange }: CustomFieldInputProps) => {
  const base = { name: `attributes.${field.key}`, label: field.label, error, disabled, required: field.required };
  switch (field.type) {
    case 'integer':
    case 'decimal':
      return <NumberFieldInput {...base} integer={field.type === 'integer'} value={value as number | null} onChange={onChange} />;
    case 'boolean':
      return <BooleanFieldInput {...base} value={value as boolean | null} onChange={onChange} />;
    case 'date':
      return <DateFieldInput {...base} value={value as string | null} onChange={onChange} />;
    case 'datetime':
      return <DateTimeFieldInput {...base} value={value as string | null} onChange={onChange} />;
    case 'select':
      return (
        <SelectFieldInput
          {...base}
          clearable={!field.required}
          options={field.options.map((o) => ({ value: o, label: o }))}
          value={value as string | null}
          onChange={onChange}
        />
      );
    case 'longtext':
      return (
        <TextareaFieldInput {...base} value={value === null || value === undefined ? '' : String(value)} onChange={onChange} />
      );
    case 'multiselect':
      return <MultiSelectFieldInput {...base} options={field.options} value={value} onChange={onChange} />;
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
    default:
      return (
        <TextFieldInput
          {...base}
          type={TEXT_TYPES[field.type as keyof typeof TEXT_TYPES] ?? 'text'}
          placeholder={field.type === 'url' ? 'https://' : undefined}
          value={value === null || value === undefined ? '' : String(value)}
          onChange={onChange}
        />
      );
  }
};
