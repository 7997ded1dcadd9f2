import { Field, MultiSelect, MultiSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import type { InputBaseProps } from './types';

interface MultiSelectFieldInputProps extends InputBaseProps {
  options: string[];
  value: unknown;
  onChange: (value: string[]) => void;
}

export const MultiSelectFieldInput = ({
  name,
  label,
  error,
  hint,
  required,
  disabled,
  options,
  value,
  onChange,
}: MultiSelectFieldInputProps) => {
  const { formatMessage } = useIntl();
  const selected = Array.isArray(value) ? value.map(String) : [];
  const all = [...options, ...selected.filter((v) => !options.includes(v))];
  return (
    <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <MultiSelect
        value={selected}
        withTags
        disabled={disabled}
        placeholder={formatMessage({ id: getTranslation('form.select.placeholder'), defaultMessage: 'Choose…' })}
        clearLabel={formatMessage({ id: getTranslation('form.clear'), defaultMessage: 'Clear' })}
        onClear={() => onChange([])}
        onChange={onChange}
      >
        {all.map((option) => (
          <MultiSelectOption key={option} value={option}>
            {option}
          </MultiSelectOption>
        ))}
      </MultiSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
