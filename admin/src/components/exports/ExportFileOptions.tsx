import { Checkbox, Field, Flex, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { EXPORT_FORMATS } from '../../../../shared/constants';
import { EXPORT_DELIMITERS, LIST_SEPARATOR } from '../../../../shared/exports';
import { getTranslation } from '../../utils/getTranslation';
import { RadioField } from '../RadioField';
import type { ExportForm } from './exportModel';

interface ExportFileOptionsProps {
  form: ExportForm;
  set: <K extends keyof ExportForm>(key: K, value: ExportForm[K]) => void;
  /** The chosen columns hold a multiselect with options: how to write it is asked. */
  hasMultiselect: boolean;
}

const DELIMITER_LABELS: Record<string, { id: string; defaultMessage: string }> = {
  ',': { id: 'exports.delimiter.comma', defaultMessage: 'Comma ( , )' },
  ';': { id: 'exports.delimiter.semicolon', defaultMessage: 'Semicolon ( ; ) — Excel in French' },
  '\t': { id: 'exports.delimiter.tab', defaultMessage: 'Tab (TSV)' },
};

/** How the file is written: format; delimiter and BOM for a CSV; header row; multiselects. */
export const ExportFileOptions = ({ form, set, hasMultiselect }: ExportFileOptionsProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <RadioField
        name="format"
        label={t('exports.format', 'Format')}
        value={form.format}
        inline
        choices={EXPORT_FORMATS.map((f) => ({ value: f, label: f.toUpperCase() }))}
        onChange={(v) => set('format', v)}
      />
      {form.format === 'csv' && (
        <Grid.Root gap={4}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="delimiter">
              <Field.Label>{t('exports.delimiter', 'Delimiter')}</Field.Label>
              <SingleSelect value={form.delimiter} onChange={(v) => set('delimiter', String(v) as ExportForm['delimiter'])}>
                {EXPORT_DELIMITERS.map((d) => (
                  <SingleSelectOption key={d} value={d}>
                    {formatMessage({ id: getTranslation(DELIMITER_LABELS[d].id), defaultMessage: DELIMITER_LABELS[d].defaultMessage })}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="bom" hint={t('exports.bom.hint', 'Excel reads accents right only with it.')}>
              <Field.Label>{t('exports.encoding', 'Encoding')}</Field.Label>
              <Checkbox checked={form.bom} onCheckedChange={(c) => set('bom', c === true)}>
                {t('exports.bom', 'UTF-8 with a BOM')}
              </Checkbox>
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
      )}
      <RadioField
        name="headers"
        label={t('exports.headers', 'Header row')}
        value={form.headers}
        choices={[
          { value: 'labels', label: t('exports.headers.labels', 'Field names in your language'), hint: t('exports.headers.labels.hint', 'As the admin shows them; the import reads them back.') },
          { value: 'keys', label: t('exports.headers.keys', 'Field keys'), hint: t('exports.headers.keys.hint', 'Stable whatever the language: for scripts.') },
        ]}
        onChange={(v) => set('headers', v)}
      />
      {hasMultiselect && (
        <RadioField
          name="multiselect"
          label={t('exports.multiselect', 'Multiple-choice fields')}
          value={form.multiselect}
          choices={[
            { value: 'joined', label: t('exports.multiselect.joined', 'One cell, values joined with {separator}', { separator: LIST_SEPARATOR }) },
            { value: 'columns', label: t('exports.multiselect.columns', 'One column per option, marked X') },
          ]}
          onChange={(v) => set('multiselect', v)}
        />
      )}
    </Flex>
  );
};
