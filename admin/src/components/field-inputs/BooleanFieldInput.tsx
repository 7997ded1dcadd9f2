import { Field, Toggle } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import type { InputBaseProps } from './types';

interface BooleanFieldInputProps extends InputBaseProps {
  value: boolean | null | undefined;
  onChange: (value: boolean) => void;
}

export const BooleanFieldInput = ({ name, label, error, hint, required, disabled, value, onChange }: BooleanFieldInputProps) => {
  const { formatMessage } = useIntl();
  return (
    <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <Toggle
        checked={typeof value === 'boolean' ? value : null}
        disabled={disabled}
        onLabel={formatMessage({ id: getTranslation('form.boolean.true'), defaultMessage: 'True' })}
        offLabel={formatMessage({ id: getTranslation('form.boolean.false'), defaultMessage: 'False' })}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.checked)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
