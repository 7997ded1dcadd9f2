import { useMemo, useState } from 'react';
import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { countryOptions } from '../../utils/countries';
import { getTranslation } from '../../utils/getTranslation';
import type { InputBaseProps } from './types';

interface CountryFieldInputProps extends InputBaseProps {
  /** ISO 3166-1 alpha-2, '' when unset. */
  value: string;
  onChange: (value: string) => void;
}

/** Countries by their name in the admin's language (typing filters them); the code is what is stored. */
export const CountryFieldInput = ({ name, label, error, hint, required, disabled, value, onChange }: CountryFieldInputProps) => {
  const { formatMessage, locale } = useIntl();
  const options = useMemo(() => countryOptions(locale), [locale]);
  const code = value.toUpperCase();
  // A stored code missing from the list (data from elsewhere) stays visible.
  const all = code && !options.some((o) => o.code === code) ? [{ code, name: code }, ...options] : options;
  const labelOf = (c: string) => {
    const o = all.find((x) => x.code === c);
    return o ? `${o.name} (${o.code})` : c;
  };
  // The typed text is ours: it shows the chosen country's name, and filters the list while typing.
  const [text, setText] = useState(() => (code ? labelOf(code) : ''));
  return (
    <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <Combobox
        value={code || undefined}
        textValue={text}
        onTextValueChange={setText}
        disabled={disabled}
        autocomplete={{ type: 'list', filter: 'contains' }}
        placeholder={formatMessage({ id: getTranslation('form.country.placeholder'), defaultMessage: 'Type a country' })}
        clearLabel={formatMessage({ id: getTranslation('form.clear'), defaultMessage: 'Clear' })}
        noOptionsMessage={() =>
          formatMessage({ id: getTranslation('form.country.none'), defaultMessage: 'No country has this name' })
        }
        onClear={() => {
          setText('');
          onChange('');
        }}
        onChange={(next) => {
          setText(next ? labelOf(String(next)) : '');
          onChange(next ? String(next) : '');
        }}
      >
        {all.map((o) => (
          <ComboboxOption key={o.code} value={o.code}>
            {labelOf(o.code)}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
