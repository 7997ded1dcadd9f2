import { Box, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../../utils/getTranslation';
import { useBuilder } from './BuilderContext';
import type { DraftSearch } from './criteriaModel';

/** The quick search as a condition: names, company and custom text without accents or case, an e-mail, a phone in any form. */
export const SearchConditionRow = ({ node }: { node: DraftSearch }) => {
  const { formatMessage } = useIntl();
  const { change } = useBuilder();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  return (
    <Box flex="1" minWidth="18rem">
      <TextInput
        aria-label={t('segments.condition.search', 'Found by the quick search')}
        placeholder={t('segments.condition.search.placeholder', 'Found by the quick search: a name, an e-mail, a phone…')}
        value={node.text}
        maxLength={255}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => change(node.key, (n) => ({ ...(n as DraftSearch), text: e.target.value }))}
      />
    </Box>
  );
};
