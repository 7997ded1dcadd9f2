import { Box, Field, Flex, IconButton, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Cross } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { moveItem, type ExportableField } from './exportModel';

interface ExportFieldsPickerProps {
  fields: ExportableField[];
  /** Keys in the order of the file's columns. */
  value: string[];
  onChange: (keys: string[]) => void;
  labelOf: (key: string) => string;
}

/** The chosen columns in order (up, down, remove) and a select that adds any other field, custom ones included. */
export const ExportFieldsPicker = ({ fields, value, onChange, labelOf }: ExportFieldsPickerProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const left = fields.filter((f) => !value.includes(f.key));
  const action = (label: string, icon: React.ReactNode, onClick: () => void, disabled = false) => (
    <IconButton variant="ghost" withTooltip={false} label={label} onClick={onClick} disabled={disabled}>
      {icon}
    </IconButton>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="export-fields-picker">
      <Box tag="ol" background="neutral100" hasRadius padding={2} aria-label={t('exports.fields.chosen', 'Columns, in order')}>
        {value.map((key, index) => {
          const label = labelOf(key);
          return (
            <Flex tag="li" key={key} gap={2} justifyContent="space-between" paddingLeft={2} data-testid="export-field" data-key={key}>
              <Typography textColor="neutral800">
                {index + 1}. {label}
              </Typography>
              <Flex gap={1}>
                {action(t('exports.fields.up', 'Move {field} up', { field: label }), <ArrowUp />, () => onChange(moveItem(value, index, -1)), index === 0)}
                {action(t('exports.fields.down', 'Move {field} down', { field: label }), <ArrowDown />, () => onChange(moveItem(value, index, 1)), index === value.length - 1)}
                {action(t('exports.fields.remove', 'Remove {field}', { field: label }), <Cross />, () => onChange(value.filter((k) => k !== key)), value.length === 1)}
              </Flex>
            </Flex>
          );
        })}
      </Box>
      {left.length > 0 && (
        <Field.Root name="addField">
          <SingleSelect
            aria-label={t('exports.fields.add', 'Add a field')}
            placeholder={t('exports.fields.add', 'Add a field')}
            value=""
            onChange={(key) => onChange([...value, String(key)])}
          >
            {left.map((f) => (
              <SingleSelectOption key={f.key} value={f.key}>
                {f.label}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      )}
    </Flex>
  );
};
