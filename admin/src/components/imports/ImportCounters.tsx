import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ImportCounters as Counters } from '../../../../shared/imports';
import { getTranslation } from '../../utils/getTranslation';

/** What became of each row (they add up to `processed`), then the cells dropped from kept contacts. */
export const COUNTER_KEYS = ['created', 'updated', 'unchanged', 'skipped', 'failed', 'warnings'] as const;
export type OutcomeKey = (typeof COUNTER_KEYS)[number];

export const COUNTER_DEFAULT_LABELS: Record<OutcomeKey | 'processed' | 'total', string> = {
  created: 'Created',
  updated: 'Updated',
  unchanged: 'Unchanged',
  skipped: 'Skipped',
  failed: 'Failed',
  warnings: 'Warnings',
  processed: 'Processed',
  total: 'Rows',
};

/** The chart colours of each outcome, so counters, pie and legend agree. */
export const OUTCOME_COLORS: Record<OutcomeKey, string> = {
  created: '#328048',
  updated: '#4945ff',
  unchanged: '#8e8ea9',
  skipped: '#d9822f',
  failed: '#d02b20',
  warnings: '#c79a00',
};

export const useCounterLabel = () => {
  const { formatMessage } = useIntl();
  return (key: keyof typeof COUNTER_DEFAULT_LABELS) =>
    formatMessage({ id: getTranslation(`imports.counter.${key}`), defaultMessage: COUNTER_DEFAULT_LABELS[key] });
};

/** Created / updated / unchanged / skipped / failed, and the warnings, as tiles. */
export const ImportCounters = ({ counters }: { counters: Counters }) => {
  const { formatNumber } = useIntl();
  const label = useCounterLabel();
  return (
    <Flex gap={3} wrap="wrap" data-testid="import-counters">
      {COUNTER_KEYS.map((key) => (
        <Box
          key={key}
          padding={3}
          hasRadius
          borderColor="neutral200"
          background="neutral0"
          minWidth="12rem"
          style={{ borderLeft: `4px solid ${OUTCOME_COLORS[key]}` }}
          data-testid={`counter-${key}`}
        >
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography variant="sigma" textColor="neutral600">
              {label(key)}
            </Typography>
            <Typography variant="beta" tag="p" textColor="neutral800">
              {formatNumber(counters[key] ?? 0)}
            </Typography>
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
