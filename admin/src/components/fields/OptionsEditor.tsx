import { Box, Field, Flex, IconButton, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { AddValueInput } from '../AddValueInput';

interface OptionsEditorProps {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/** The ordered options of a select/multiselect field: add, remove, move up and down. */
export const OptionsEditor = ({ value, onChange, error }: OptionsEditorProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  /** Several at once too: a pasted list, one per line or comma-separated. */
  const add = (text: string) => {
    const next = text
      .split(/[\n,]/)
      .map((o) => o.trim())
      .filter((o) => o && !value.includes(o));
    if (next.length) onChange([...value, ...next]);
  };
  const move = (from: number, to: number) => {
    const list = [...value];
    const [item] = list.splice(from, 1);
    list.splice(to, 0, item);
    onChange(list);
  };

  return (
    <Field.Root name="options" error={error}>
      <Field.Label>{t('fields.form.options', 'Options, in order')}</Field.Label>
      <Flex direction="column" alignItems="stretch" gap={1} data-testid="options-editor">
        {value.length === 0 && (
          <Typography variant="pi" textColor="neutral600">
            {t('fields.form.options.none', 'No option yet.')}
          </Typography>
        )}
        {value.map((option, i) => (
          <Flex
            key={option}
            gap={1}
            alignItems="center"
            background="neutral100"
            hasRadius
            paddingLeft={3}
            paddingRight={1}
            data-testid="option-row"
          >
            <Box flex="1">
              <Typography textColor="neutral800">{option}</Typography>
            </Box>
            <IconButton
              variant="ghost"
              size="S"
              label={t('fields.form.options.up', 'Move {option} up', { option })}
              disabled={i === 0}
              onClick={() => move(i, i - 1)}
            >
              <ArrowUp />
            </IconButton>
            <IconButton
              variant="ghost"
              size="S"
              label={t('fields.form.options.down', 'Move {option} down', { option })}
              disabled={i === value.length - 1}
              onClick={() => move(i, i + 1)}
            >
              <ArrowDown />
            </IconButton>
            <IconButton
              variant="ghost"
              size="S"
              label={t('fields.form.options.remove', 'Remove {option}', { option })}
              onClick={() => onChange(value.filter((o) => o !== option))}
            >
              <Trash />
            </IconButton>
          </Flex>
        ))}
        <AddValueInput
          label={t('fields.form.options.new', 'New option')}
          placeholder={t('fields.form.options.placeholder', 'Type an option and press Enter')}
          addLabel={t('fields.form.options.add', 'Add')}
          onAdd={add}
        />
      </Flex>
      <Field.Error />
    </Field.Root>
  );
};
