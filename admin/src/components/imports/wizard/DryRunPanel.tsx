import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { DryRun } from '../../../../../shared/imports';
import { getTranslation } from '../../../utils/getTranslation';
import { Card } from '../../Card';
import { Notice } from '../../Notice';
import { FirstErrorsTable } from '../FirstErrorsTable';
import { OUTCOME_COLORS } from '../ImportCounters';

type DryRunKey = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed' | 'warnings';

const LABELS: Record<DryRunKey, string> = {
  created: 'Would create',
  updated: 'Would update',
  unchanged: 'Would leave unchanged',
  skipped: 'Would skip',
  failed: 'Would fail',
  warnings: 'Warnings',
};

interface DryRunPanelProps {
  /** null until the server has started the check. */
  dryRun: DryRun | null;
  /** Rows the file holds, as estimated when it was read (the bar's end while the check runs). */
  rowEstimate: number;
  columns: string[];
}

/**
 * The whole file read as the import would, against the base as it is now,
 * without writing: what it would create, update, leave, skip or fail, and the
 * first problems. The step polls the preview while it runs.
 */
export const DryRunPanel = ({ dryRun, rowEstimate, columns }: DryRunPanelProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const status = dryRun?.status ?? 'running';
  const c = dryRun?.counters;
  const keys: DryRunKey[] = [
    'created',
    'updated',
    'unchanged',
    ...(c && c.skipped > 0 ? (['skipped'] as const) : []),
    'failed',
    'warnings',
  ];
  const read = dryRun?.rowsRead ?? 0;
  // The estimate may be short of the real count: keep the bar below its end until the check says done.
  const percent = status === 'done' ? 100 : rowEstimate > 0 ? Math.min(99, Math.round((read / rowEstimate) * 100)) : 0;

  return (
    <Card
      title={t('imports.dryRun.title', 'Whole file check')}
      description={t(
        'imports.dryRun.description',
        'Every row read as the import will read it, against the contacts as they are now. Nothing is written.',
      )}
      actions={status === 'running' ? <Loader small>{t('imports.dryRun.running', 'Checking…')}</Loader> : undefined}
      data-testid="dry-run"
    >
      <Box data-testid="dry-run-status" data-status={status}>
        {status === 'running' && (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography variant="omega" textColor="neutral700" data-testid="dry-run-progress">
              {t('imports.dryRun.progress', '{read} of about {total} rows checked', {
                read: formatNumber(read),
                total: formatNumber(rowEstimate),
              })}
            </Typography>
            <Box
              height="0.6rem"
              background="neutral150"
              hasRadius
              overflow="hidden"
              role="progressbar"
              aria-label={t('imports.dryRun.progressLabel', 'Whole file check progress')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
            >
              <Box height="100%" background="primary600" style={{ width: `${percent}%`, transition: 'width 0.4s ease' }} />
            </Box>
          </Flex>
        )}
        {status === 'done' && (
          <Typography variant="omega" textColor="neutral700" data-testid="dry-run-done">
            {t('imports.dryRun.done', '{read, plural, one {# row} other {# rows}} checked.', { read })}
          </Typography>
        )}
        {status === 'failed' && (
          <Notice variant="danger" title={t('imports.dryRun.failed', 'The check stopped')}>
            {dryRun?.error}
          </Notice>
        )}
      </Box>
      {dryRun?.limited && (
        <Notice variant="warning" data-testid="dry-run-limited">
          {t(
            'imports.dryRun.limited',
            'Limited to the first {rows} rows: the counts below are for them; the import reads the whole file.',
            { rows: formatNumber(read) },
          )}
        </Notice>
      )}
      <Flex gap={3} wrap="wrap" data-testid="dry-run-counters">
        {keys.map((key) => (
          <Box
            key={key}
            padding={3}
            hasRadius
            borderColor="neutral200"
            background="neutral0"
            minWidth="14rem"
            style={{ borderLeft: `4px solid ${OUTCOME_COLORS[key]}` }}
            data-testid={`dry-run-${key}`}
          >
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography variant="sigma" textColor="neutral600">
                {t(`imports.dryRun.counter.${key}`, LABELS[key])}
              </Typography>
              <Typography variant="beta" tag="p" textColor="neutral800">
                {c ? formatNumber(c[key]) : '-'}
              </Typography>
            </Flex>
          </Box>
        ))}
      </Flex>
      {dryRun && (status === 'done' || dryRun.problems.length > 0) && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="delta" tag="h3">
            {t('imports.dryRun.problems', 'First problems')}
          </Typography>
          {/* Line, column and reason say enough here; the detail page shows the cells once imported. */}
          <Box maxHeight="40rem" overflow="auto">
            <FirstErrorsTable
              rows={dryRun.problems}
              columns={columns}
              withCells={false}
              emptyText={t('imports.dryRun.noProblems', 'No row would fail and no cell would be dropped.')}
            />
          </Box>
        </Flex>
      )}
    </Card>
  );
};
