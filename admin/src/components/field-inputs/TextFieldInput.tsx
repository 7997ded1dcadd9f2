import { Field, TextInput } from '@strapi/design-system';
import type { InputBaseProps } from './types';

interface TextFieldInputProps extends InputBaseProps {
  type?: 'text' | 'email' | 'tel' | 'url';
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
}

export const TextFieldInput = ({
  name,
  label,
  error,
  hint,
  required,
  disabled,
  type = 'text',
  value,
  placeholder,
  onChange,
}: TextFieldInputProps) => (
  <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      type={type}
      value={value}
      placeholder={placeholder}
      disabled={disabled}
      onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
    />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
