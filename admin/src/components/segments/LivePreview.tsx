import { Badge, Box, Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { PreviewState } from '../../hooks/useCriteriaPreview';
import { contactDisplayName } from '../../utils/contactForm';
import { getTranslation } from '../../utils/getTranslation';
import { contactPath } from '../../utils/paths';

/**
 * The live count of the criteria being edited, and the first contacts they
 * match. Past the server's time budget it says "at least N" (the count goes
 * on in the background and serves the next preview).
 */
export const LivePreview = ({ state }: { state: PreviewState }) => {
  const { formatMessage, formatNumber } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const { preview, isLoading, error } = state;
  const sample = preview?.sample ?? [];

  const countText = !preview
    ? null
    : preview.count === null
      ? t('segments.preview.atLeast', 'At least {count} contacts', { count: formatNumber(preview.atLeast ?? sample.length) })
      : t('segments.preview.count', '{count, plural, =0 {No contact} one {# contact} other {# contacts}}', { count: preview.count });

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="live-preview">
      <Flex gap={2} alignItems="center" minHeight="3.2rem">
        {countText && (
          <Typography
            variant="alpha"
            tag="p"
            textColor={isLoading ? 'neutral500' : 'neutral800'}
            data-testid="live-count"
            data-count={preview?.count ?? ''}
            aria-live="polite"
          >
            {countText}
          </Typography>
        )}
        {isLoading && <Loader small>{t('segments.preview.loading', 'Counting…')}</Loader>}
        {preview?.estimated && !isLoading && (
          <Badge variant="warning" data-testid="live-estimated">
            {t('segments.preview.estimated', 'still counting')}
          </Badge>
        )}
      </Flex>
      {preview?.estimated && (
        <Typography variant="pi" textColor="neutral600">
          {t('segments.preview.estimatedHint', 'The exact count took longer than the preview waits; it goes on and shows on the next change.')}
        </Typography>
      )}
      {error && (
        <Typography variant="pi" textColor="danger600" data-testid="live-error">
          {error.message}
        </Typography>
      )}
      {sample.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={2} data-testid="live-sample">
          <Typography variant="sigma" textColor="neutral600">
            {t('segments.preview.contact', 'First contacts')}
          </Typography>
          <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
            {sample.map((c) => (
              <Box tag="li" key={c.documentId} paddingBottom={2} borderColor="neutral150" style={{ borderWidth: '0 0 1px 0' }}>
                <Typography textColor="neutral800" ellipsis tag="p" fontWeight="semiBold">
                  <Link to={contactPath(c.documentId)}>{contactDisplayName(c)}</Link>
                </Typography>
                {c.email && contactDisplayName(c) !== c.email && (
                  <Typography variant="pi" textColor="neutral600" ellipsis tag="p">
                    {c.email}
                  </Typography>
                )}
              </Box>
            ))}
          </Flex>
        </Flex>
      )}
    </Flex>
  );
};
