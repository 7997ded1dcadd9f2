import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';
import { personName } from '../utils/importFormat';
import type { Author } from '../../../shared/authors';

interface WhenByProps {
  at: string | null;
  /** null: the CLI or a schedule. */
  by: Author | null;
}

/** A history row's date and who started it. */
export const WhenBy = ({ at, by }: WhenByProps) => {
  const { formatMessage, formatDate } = useIntl();
  return (
    <Flex direction="column" alignItems="flex-start">
      <Typography textColor="neutral800">{at ? formatDate(at, { dateStyle: 'medium', timeStyle: 'short' }) : '-'}</Typography>
      {by && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: getTranslation('imports.byWho'), defaultMessage: 'by {who}' }, { who: personName(by) })}
        </Typography>
      )}
    </Flex>
  );
};
