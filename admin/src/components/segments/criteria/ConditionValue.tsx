import { useMemo } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { DateFieldInput } from '../../field-inputs/DateFieldInput';
import { DateTimeFieldInput } from '../../field-inputs/DateTimeFieldInput';
import { MultiSelectFieldInput } from '../../field-inputs/MultiSelectFieldInput';
import { NumberFieldInput } from '../../field-inputs/NumberFieldInput';
import { TagsInput } from '../../field-inputs/TagsInput';
import { TextFieldInput } from '../../field-inputs/TextFieldInput';
import { countryOptions } from '../../../utils/countries';
import { getTranslation } from '../../../utils/getTranslation';
import type { CriteriaField } from './criteriaFields';
import { valueShape } from './criteriaModel';
import { useCriteriaLabels } from './useCriteriaLabels';

interface ConditionValueProps {
  /** Unique on the page: the inputs' ids. */
  name: string;
  field: CriteriaField;
  operator: string;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}

interface SingleProps {
  name: string;
  label: string;
  field: CriteriaField;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}

/** One value of a field's kind: a text, a number, a date (YYYY-MM-DD) or a date and time (ISO). */
const SingleValue = ({ name, label, field, value, error, onChange }: SingleProps) => {
  const base = { name, label, labelHidden: true, error };
  switch (field.kind) {
    case 'number':
      return <NumberFieldInput {...base} integer={field.type === 'integer'} value={value as number | null} onChange={onChange} />;
    case 'date':
      return <DateFieldInput {...base} value={value as string | null} onChange={onChange} />;
    case 'datetime':
      return <DateTimeFieldInput {...base} value={value as string | null} onChange={onChange} />;
    default:
      return <TextFieldInput {...base} value={typeof value === 'string' ? value : ''} onChange={onChange} />;
  }
};

/**
 * The value input a condition's operator calls for, in its field's kind: none
 * (empty, is true…), one value, two (between), a number of days (in the last
 * N days), or a list (in / not in) of the field's options, countries or free tags.
 */
export const ConditionValue = ({ name, field, operator, value, error, onChange }: ConditionValueProps) => {
  const { formatMessage, locale } = useIntl();
  const labels = useCriteriaLabels();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const countries = useMemo(() => (field.reader === 'country' ? countryOptions(locale).map((c) => c.code) : []), [field.reader, locale]);

  switch (valueShape(operator)) {
    case 'none':
      return null;
    case 'days':
      return (
        <Flex gap={2} alignItems="center">
          <NumberFieldInput
            name={name}
            label={t('segments.value.days', 'Number of days')}
            labelHidden
            integer
            error={error}
            value={value as number | null}
            onChange={onChange}
          />
          <Typography textColor="neutral600">{t('segments.value.daysUnit', 'days')}</Typography>
        </Flex>
      );
    case 'range': {
      const [from, to] = Array.isArray(value) ? value : [null, null];
      return (
        <Flex gap={2} alignItems="flex-start">
          <SingleValue
            name={`${name}.from`}
            label={t('segments.value.from', 'From')}
            field={field}
            value={from}
            error={error}
            onChange={(v) => onChange([v, to])}
          />
          <Typography textColor="neutral600" style={{ paddingTop: '1rem' }}>
            {t('segments.value.and', 'and')}
          </Typography>
          <SingleValue
            name={`${name}.to`}
            label={t('segments.value.to', 'To')}
            field={field}
            value={to}
            onChange={(v) => onChange([from, v])}
          />
        </Flex>
      );
    }
    case 'list': {
      const list = Array.isArray(value) ? value.map(String) : [];
      const options = field.reader === 'country' ? countries : field.options;
      if (!options.length) {
        return (
          <TagsInput name={name} label={t('segments.value.values', 'Values')} labelHidden error={error} value={list} onChange={onChange} />
        );
      }
      return (
        <MultiSelectFieldInput
          name={name}
          label={t('segments.value.values', 'Values')}
          labelHidden
          error={error}
          options={options}
          optionLabel={(o) => labels.option(field, o)}
          value={list}
          onChange={onChange}
        />
      );
    }
    default:
      return <SingleValue name={name} label={t('segments.value.value', 'Value')} field={field} value={value} error={error} onChange={onChange} />;
  }
};
