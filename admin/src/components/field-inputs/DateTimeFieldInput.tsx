import { DateTimePicker, Field } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { InputLabel } from './InputLabel';
import type { InputBaseProps } from './types';

interface DateTimeFieldInputProps extends InputBaseProps {
  /** ISO 8601 timestamp, as the API stores datetime fields. */
  value: string | null | undefined;
  onChange: (value: string | null) => void;
}

export const DateTimeFieldInput = ({
  name,
  label,
  labelHidden,
  error,
  hint,
  required,
  disabled,
  value,
  onChange,
}: DateTimeFieldInputProps) => {
  const { formatMessage, locale } = useIntl();
  const date = typeof value === 'string' && value ? new Date(value) : null;
  return (
    <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
      <InputLabel label={label} hidden={labelHidden} />
      <DateTimePicker
        value={date && !Number.isNaN(date.getTime()) ? date : null}
        locale={locale}
        disabled={disabled}
        clearLabel={formatMessage({ id: getTranslation('form.clear'), defaultMessage: 'Clear' })}
        onClear={() => onChange(null)}
        onChange={(next) => onChange(next ? next.toISOString() : null)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
