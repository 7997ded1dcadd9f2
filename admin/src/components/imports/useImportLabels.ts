import { useIntl } from 'react-intl';
import type { FieldType, ImportMode } from '../../../../shared/constants';
import { getTranslation } from '../../utils/getTranslation';

const MODE_LABELS: Record<ImportMode, string> = {
  upsert: 'Create and update',
  create: 'Create only',
  update: 'Update only',
  'fill-empty': 'Fill empty fields only',
};

const MODE_HINTS: Record<ImportMode, string> = {
  upsert: 'New contacts are created; known ones (same unique key) are updated.',
  create: 'Only new contacts are created; known ones are skipped.',
  update: 'Only known contacts are updated; unknown ones are skipped.',
  'fill-empty': 'Known contacts only get the values they do not have yet; new ones are created.',
};

const DELIMITER_LABELS: Record<string, string> = {
  ',': 'Comma (,)',
  ';': 'Semicolon (;)',
  '\t': 'Tab',
  '|': 'Pipe (|)',
};

const TYPE_LABELS: Record<FieldType, string> = {
  text: 'Text',
  longtext: 'Long text',
  integer: 'Integer',
  decimal: 'Decimal',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'Date and time',
  email: 'E-mail',
  phone: 'Phone',
  url: 'URL',
  select: 'Select (one option)',
  multiselect: 'Multiselect (several options)',
};

const DATE_FORMAT_LABELS: Record<string, string> = {
  'DD/MM/YYYY': 'DD/MM/YYYY (14/03/2024)',
  'MM/DD/YYYY': 'MM/DD/YYYY (03/14/2024)',
  'YYYY-MM-DD': 'YYYY-MM-DD (ISO, 2024-03-14)',
};

/** Labels of the import vocabulary (modes, delimiters, field types), translated. */
export const useImportLabels = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  return {
    mode: (mode: ImportMode) => t(`imports.mode.${mode}`, MODE_LABELS[mode] ?? mode),
    modeHint: (mode: ImportMode) => t(`imports.mode.${mode}.hint`, MODE_HINTS[mode] ?? ''),
    delimiter: (d: string) =>
      t(
        `imports.delimiter.${d === '\t' ? 'tab' : ({ ',': 'comma', ';': 'semicolon', '|': 'pipe' }[d] ?? 'other')}`,
        DELIMITER_LABELS[d] ?? d,
      ),
    fieldType: (type: FieldType) => t(`fields.type.${type}`, TYPE_LABELS[type] ?? type),
    uniqueKey: (key: string) => t(`field.${key}`, key === 'email' ? 'E-mail' : 'Mobile'),
    dateFormat: (format: string) =>
      t(`imports.dateFormat.${format.replace(/[^A-Z]/g, '')}`, DATE_FORMAT_LABELS[format] ?? format),
    yesNo: (value: boolean | undefined) => (value ? t('imports.yes', 'Yes') : t('imports.no', 'No')),
  };
};
