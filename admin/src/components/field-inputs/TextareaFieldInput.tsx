import { Field, Textarea } from '@strapi/design-system';
import type { InputBaseProps } from './types';

interface TextareaFieldInputProps extends InputBaseProps {
  value: string;
  onChange: (value: string) => void;
}

/** Long text (notes, a message): several lines, up to the server's longtext limit. */
export const TextareaFieldInput = ({
  name,
  label,
  error,
  hint,
  required,
  disabled,
  value,
  onChange,
}: TextareaFieldInputProps) => (
  <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <Textarea
      value={value}
      disabled={disabled}
      onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
      style={{ minHeight: '12rem' }}
    />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
