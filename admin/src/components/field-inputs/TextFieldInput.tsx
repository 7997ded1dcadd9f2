import { Field, TextInput } from '@strapi/design-system';
import { InputLabel } from './InputLabel';
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
  labelHidden,
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
    <InputLabel label={label} hidden={labelHidden} />
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
