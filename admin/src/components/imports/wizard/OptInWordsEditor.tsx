import { Box, Flex, IconButton, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { OPT_IN_VALUES, type OptIn } from '../../../../../shared/constants';
import { useContactLabels } from '../../../hooks/useContactLabels';
import { getTranslation } from '../../../utils/getTranslation';
import { AddValueInput } from '../../AddValueInput';

/** The select's value for a word left to the server's own reading (yes, oui, 1, true, unsubscribed…). */
const AUTO = '__auto';

interface OptInWordsEditorProps {
  column: string;
  /** Distinct cells of the column in the sample. */
  samples: string[];
  value: Record<string, OptIn> | undefined;
  onChange: (value: Record<string, OptIn> | undefined) => void;
}

/**
 * What an opt-in column's own words mean ("Y" → yes, "Désabonné" → no). Every
 * word left on "automatic" is read as the server reads opt-ins; only the words
 * set here are sent (mapping `values`).
 */
export const OptInWordsEditor = ({ column, samples, value, onChange }: OptInWordsEditorProps) => {
  const { formatMessage } = useIntl();
  const labels = useContactLabels();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const words = [...samples, ...Object.keys(value ?? {}).filter((w) => !samples.includes(w))];

  const setWord = (word: string, meaning: OptIn | null) => {
    const next = { ...(value ?? {}) };
    if (meaning) next[word] = meaning;
    else delete next[word];
    onChange(Object.keys(next).length ? next : undefined);
  };

  const add = (text: string) => {
    const word = text.trim();
    if (!words.includes(word)) setWord(word, 'yes');
  };

  return (
    <Box paddingTop={2} data-testid="opt-in-words">
      <Typography variant="pi" textColor="neutral600">
        {t(
          'imports.mapping.words.hint',
          'Tell what the words of "{column}" mean. Words left on "Automatic" are read as usual (yes, oui, 1, true, unsubscribed…); a word that means nothing known is dropped with a warning.',
          { column },
        )}
      </Typography>
      <Box paddingTop={2}>
        <Table colCount={2} rowCount={words.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('imports.mapping.words.word', 'In the file')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('imports.mapping.words.meaning', 'Means')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {words.map((word) => (
              <Tr key={word} data-testid="opt-in-word" data-word={word}>
                <Td>
                  <Typography fontWeight="semiBold" textColor="neutral800">
                    {word}
                  </Typography>
                </Td>
                <Td>
                  <Flex gap={1}>
                    <Box width="20rem">
                      <SingleSelect
                        size="S"
                        aria-label={t('imports.mapping.words.meaningOf', 'Meaning of {word}', { word })}
                        value={value?.[word] ?? AUTO}
                        onChange={(v) => setWord(word, v === AUTO ? null : (v as OptIn))}
                      >
                        <SingleSelectOption value={AUTO}>{t('imports.mapping.words.auto', 'Automatic')}</SingleSelectOption>
                        {OPT_IN_VALUES.map((o) => (
                          <SingleSelectOption key={o} value={o}>
                            {labels.optIn(o)}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                    </Box>
                    {!samples.includes(word) && (
                      <IconButton
                        variant="ghost"
                        label={t('imports.mapping.words.remove', 'Remove {word}', { word })}
                        onClick={() => setWord(word, null)}
                      >
                        <Trash />
                      </IconButton>
                    )}
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
      <AddValueInput
        size="S"
        width="20rem"
        paddingTop={2}
        label={t('imports.mapping.words.new', 'Another word of the file')}
        placeholder={t('imports.mapping.words.placeholder', 'Another word, e.g. Désabonné')}
        addLabel={t('imports.mapping.words.add', 'Add')}
        onAdd={add}
      />
    </Box>
  );
};
