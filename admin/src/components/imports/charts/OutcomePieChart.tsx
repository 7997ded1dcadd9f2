import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { ImportCounters } from '../../../../../shared/imports';
import { getTranslation } from '../../../utils/getTranslation';
import { OUTCOME_COLORS, useCounterLabel, type OutcomeKey } from '../ImportCounters';

// Mautic's pie: created, updated, failed; unchanged, skipped and warnings join in when an import has some.
const ALWAYS: OutcomeKey[] = ['created', 'updated', 'failed'];
const WHEN_PRESENT: OutcomeKey[] = ['unchanged', 'skipped', 'warnings'];

/**
 * Share of created / updated / failed rows (and unchanged / skipped when there
 * are some). Warnings count dropped cells of kept contacts, not rows: they get
 * their own slice so they are seen, and the legend gives each count.
 */
export const OutcomePieChart = ({ counters }: { counters: ImportCounters }) => {
  const { formatMessage, formatNumber } = useIntl();
  const label = useCounterLabel();
  const keys = [...ALWAYS, ...WHEN_PRESENT.filter((k) => (counters[k] ?? 0) > 0)];
  const data = keys.map((key) => ({ key, name: label(key), value: counters[key] ?? 0 }));
  const total = data.reduce((s, d) => s + d.value, 0);

  return (
    <Box data-testid="chart-outcome" height="28rem">
      {total === 0 ? (
        <Flex height="100%" justifyContent="center" alignItems="center">
          <Typography textColor="neutral600">
            {formatMessage({ id: getTranslation('imports.chart.noRows'), defaultMessage: 'No rows processed yet.' })}
          </Typography>
        </Flex>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <PieChart>
            <Pie
              data={data.filter((d) => d.value > 0)}
              dataKey="value"
              nameKey="name"
              innerRadius="45%"
              outerRadius="80%"
              paddingAngle={1}
              minAngle={3}
              isAnimationActive={false}
            >
              {data
                .filter((d) => d.value > 0)
                .map((d) => (
                  <Cell key={d.key} fill={OUTCOME_COLORS[d.key]} />
                ))}
            </Pie>
            <Tooltip
              formatter={(value: number) =>
                `${formatNumber(value)} (${formatNumber(value / total, { style: 'percent', maximumFractionDigits: 1 })})`
              }
            />
            <Legend
              payload={data.map((d) => ({
                id: d.key,
                value: `${d.name}: ${formatNumber(d.value)}`,
                type: 'circle' as const,
                color: OUTCOME_COLORS[d.key],
              }))}
            />
          </PieChart>
        </ResponsiveContainer>
      )}
    </Box>
  );
};
