import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useFormat } from '../../hooks/useFormat';
import type { ImportView } from '../../../../shared/imports';
import { getTranslation } from '../../utils/getTranslation';

import { ImportCounters } from './ImportCounters';
import { ImportStatusBadge } from './ImportStatusBadge';

/** Progress bar, rows per second, time left and counters; the page that shows it polls the import. */
export const ImportProgress = ({ importView }: { importView: ImportView }) => {
  const { formatMessage, formatNumber } = useIntl();
  const format = useFormat();
  const { counters, status } = importView;
  const percent = Math.round(importView.progress * 1000) / 10;
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const waiting =
    status === 'queued'
      ? t('imports.progress.queued', 'Waiting for a worker to pick the import up…')
      : status === 'delayed'
        ? t('imports.progress.delayed', 'Waiting: another import is running (parallel import limit).')
        : status === 'stopped'
          ? t('imports.progress.stopped', 'Stopped. Resume continues after the last saved batch.')
          : null;

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="import-progress">
      <Flex gap={3} alignItems="center" wrap="wrap">
        <ImportStatusBadge status={status} />
        <Typography variant="omega" textColor="neutral700" data-testid="import-progress-rows">
          {t('imports.progress.rows', '{processed} of {total} rows', {
            processed: formatNumber(counters.processed),
            total: formatNumber(counters.total),
          })}
        </Typography>
        {importView.rowsPerSecond > 0 && (
          <Typography variant="omega" textColor="neutral600" data-testid="import-progress-rate">
            {t('imports.progress.rate', '{rate} rows/s', { rate: formatNumber(importView.rowsPerSecond) })}
          </Typography>
        )}
        {importView.etaSeconds !== null && status === 'in_progress' && (
          <Typography variant="omega" textColor="neutral600" data-testid="import-progress-eta">
            {t('imports.progress.eta', 'about {time} left', { time: format.duration(importView.etaSeconds) })}
          </Typography>
        )}
      </Flex>
      <Flex gap={3} alignItems="center">
        <Box
          flex="1"
          height="1rem"
          background="neutral150"
          hasRadius
          overflow="hidden"
          role="progressbar"
          aria-label={t('imports.progress.label', 'Import progress')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          {/* The Design System's ProgressBar is drawn for dark backgrounds (upload overlays). */}
          <Box
            height="100%"
            background={status === 'failed' ? 'danger600' : status === 'imported' ? 'success500' : 'primary600'}
            style={{ width: `${percent}%`, transition: 'width 0.4s ease' }}
          />
        </Box>
        <Typography variant="omega" fontWeight="bold" textColor="neutral800" data-testid="import-progress-percent">
          {`${formatNumber(percent, { maximumFractionDigits: 1 })} %`}
        </Typography>
      </Flex>
      {waiting && (
        <Typography variant="pi" textColor="neutral600">
          {waiting}
        </Typography>
      )}
      <ImportCounters counters={counters} />
    </Flex>
  );
};
