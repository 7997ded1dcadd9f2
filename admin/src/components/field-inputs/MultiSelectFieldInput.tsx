import { Field, MultiSelect, MultiSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { InputLabel } from './InputLabel';
import type { InputBaseProps } from './types';

interface MultiSelectFieldInputProps extends InputBaseProps {
  options: readonly string[];
  /** How an option reads (a translated opt-in…); the value itself by default. */
  optionLabel?: (option: string) => string;
  value: unknown;
  onChange: (value: string[]) => void;
}

export const MultiSelectFieldInput = ({
  name,
  label,
  labelHidden,
  error,
  hint,
  required,
  disabled,
  options,
  optionLabel = (option) => option,
  value,
  onChange,
}: MultiSelectFieldInputProps) => {
  const { formatMessage } = useIntl();
  const selected = Array.isArray(value) ? value.map(String) : [];
  const all = [...options, ...selected.filter((v) => !options.includes(v))];
  return (
    <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
      <InputLabel label={label} hidden={labelHidden} />
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
            {optionLabel(option)}
          </MultiSelectOption>
        ))}
      </MultiSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
