import { DatePicker, Field } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { InputLabel } from './InputLabel';
import type { InputBaseProps } from './types';

interface DateFieldInputProps extends InputBaseProps {
  /** YYYY-MM-DD, the API's format for date fields. */
  value: string | null | undefined;
  onChange: (value: string | null) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

// The picker works in local time: build and read the calendar day with local getters, never via UTC.
const fromIsoDay = (value?: string | null) => {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
};
const toIsoDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

export const DateFieldInput = ({ name, label, labelHidden, error, hint, required, disabled, value, onChange }: DateFieldInputProps) => {
  const { formatMessage, locale } = useIntl();
  return (
    <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
      <InputLabel label={label} hidden={labelHidden} />
      <DatePicker
        value={fromIsoDay(value)}
        locale={locale}
        disabled={disabled}
        clearLabel={formatMessage({ id: getTranslation('form.clear'), defaultMessage: 'Clear' })}
        onClear={() => onChange(null)}
        onChange={(date) => onChange(date ? toIsoDay(date) : null)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
