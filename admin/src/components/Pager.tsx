import { Flex, IconButton, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { Pagination } from '../types';
import { getTranslation } from '../utils/getTranslation';

interface PagerProps {
  pagination: Pagination;
  onPage: (page: number) => void;
  disabled?: boolean;
}

/**
 * Previous / next for a list inside a page (Strapi's Pagination writes the
 * page's URL, which belongs to the page's main list); hidden for one page.
 */
export const Pager = ({ pagination, onPage, disabled }: PagerProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const { page, pageCount } = pagination;
  if (pageCount <= 1) return null;
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  return (
    <Flex gap={2} justifyContent="flex-end" alignItems="center" data-testid="pager">
      <IconButton
        variant="ghost"
        label={t('pager.previous', 'Previous page')}
        disabled={disabled || page <= 1}
        onClick={() => onPage(page - 1)}
      >
        <ChevronLeft />
      </IconButton>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(
          { id: getTranslation('pager.position'), defaultMessage: 'Page {page} of {count}' },
          { page: formatNumber(page), count: formatNumber(pageCount) },
        )}
      </Typography>
      <IconButton
        variant="ghost"
        label={t('pager.next', 'Next page')}
        disabled={disabled || page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        <ChevronRight />
      </IconButton>
    </Flex>
  );
};
