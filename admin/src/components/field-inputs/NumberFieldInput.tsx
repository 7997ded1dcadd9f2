import { Field, NumberInput } from '@strapi/design-system';
import { InputLabel } from './InputLabel';
import type { InputBaseProps } from './types';

interface NumberFieldInputProps extends InputBaseProps {
  integer?: boolean;
  value: number | null | undefined;
  onChange: (value: number | null) => void;
}

export const NumberFieldInput = ({
  name,
  label,
  labelHidden,
  error,
  hint,
  required,
  disabled,
  integer,
  value,
  onChange,
}: NumberFieldInputProps) => (
  <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
    <InputLabel label={label} hidden={labelHidden} />
    <NumberInput
      value={typeof value === 'number' ? value : undefined}
      step={integer ? 1 : 0.01}
      disabled={disabled}
      onValueChange={(next) => onChange(next === undefined ? null : next)}
    />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
