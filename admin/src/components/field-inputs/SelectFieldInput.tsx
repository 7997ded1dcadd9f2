import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { InputLabel } from './InputLabel';
import type { InputBaseProps, SelectOption } from './types';

interface SelectFieldInputProps extends InputBaseProps {
  options: SelectOption[];
  value: string | null | undefined;
  /** Offer a clear button (optional custom fields); built-in enumerations always hold a value. */
  clearable?: boolean;
  onChange: (value: string | null) => void;
}

export const SelectFieldInput = ({
  name,
  label,
  labelHidden,
  error,
  hint,
  required,
  disabled,
  options,
  value,
  clearable,
  onChange,
}: SelectFieldInputProps) => {
  const { formatMessage } = useIntl();
  // A stored value missing from the options (allowUnknownValues, or an option removed since) stays visible.
  const all = value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
  return (
    <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
      <InputLabel label={label} hidden={labelHidden} />
      <SingleSelect
        value={value ?? null}
        disabled={disabled}
        placeholder={formatMessage({ id: getTranslation('form.select.placeholder'), defaultMessage: 'Choose…' })}
        clearLabel={formatMessage({ id: getTranslation('form.clear'), defaultMessage: 'Clear' })}
        onClear={clearable ? () => onChange(null) : undefined}
        onChange={(next) => onChange(String(next))}
      >
        {all.map((o) => (
          <SingleSelectOption key={o.value} value={o.value}>
            {o.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
