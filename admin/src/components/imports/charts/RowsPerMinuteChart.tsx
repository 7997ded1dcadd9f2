import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { CartesianGrid, LabelList, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { getTranslation } from '../../../utils/getTranslation';

/** Minutes without a committed batch (a pause, a stop) count as 0 so the line does not skip them. */
const fillMinutes = (perMinute: Array<[number, number]>) => {
  if (!perMinute.length) return [];
  const byMinute = new Map(perMinute);
  const last = Math.max(...perMinute.map(([m]) => m));
  return Array.from({ length: last + 1 }, (_, minute) => ({ minute, rows: byMinute.get(minute) ?? 0 }));
};

/** The first of 1, 2, 4, 6, 8 × 10^k at or above `n`: divided in 4 ticks it reads 0, 10K, 20K… */
const niceCeil = (n: number) => {
  if (n <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  return ([1, 2, 4, 6, 8, 10].find((m) => m * power >= n) ?? 10) * power;
};

/** Rows processed in each minute since the import first started (timings.perMinute). */
export const RowsPerMinuteChart = ({ perMinute }: { perMinute: Array<[number, number]> }) => {
  const { formatMessage, formatNumber } = useIntl();
  const data = fillMinutes(perMinute);
  const minuteLabel = (minute: number) =>
    formatMessage({ id: getTranslation('imports.chart.minute'), defaultMessage: 'min {minute}' }, { minute: minute + 1 });
  const rowsLabel = formatMessage({ id: getTranslation('imports.chart.rows'), defaultMessage: 'Rows' });

  return (
    <Box data-testid="chart-per-minute" height="28rem">
      {data.length === 0 ? (
        <Flex height="100%" justifyContent="center" alignItems="center">
          <Typography textColor="neutral600">
            {formatMessage({ id: getTranslation('imports.chart.noRows'), defaultMessage: 'No rows processed yet.' })}
          </Typography>
        </Flex>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 24, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#eaeaef" />
            <XAxis dataKey="minute" tickFormatter={minuteLabel} fontSize={12} padding={{ left: 24, right: 24 }} />
            <YAxis
              domain={[0, (max: number) => niceCeil(max * 1.1)]}
              tickCount={5}
              tickFormatter={(v: number) => formatNumber(v, { notation: 'compact' })}
              fontSize={12}
              width={56}
              allowDecimals={false}
            />
            <Tooltip labelFormatter={(m: number) => minuteLabel(m)} formatter={(v: number) => [formatNumber(v), rowsLabel]} />
            <Line
              type="monotone"
              dataKey="rows"
              name={rowsLabel}
              stroke="#4945ff"
              strokeWidth={2}
              dot={{ r: data.length > 30 ? 0 : 4 }}
              isAnimationActive={false}
            >
              {/* A short import has one or a few points: print their values so the chart still reads. */}
              {data.length <= 5 && (
                <LabelList
                  dataKey="rows"
                  position="top"
                  formatter={(v: number) => formatNumber(v)}
                  fontSize={12}
                  fill="#32324d"
                />
              )}
            </Line>
          </LineChart>
        </ResponsiveContainer>
      )}
    </Box>
  );
};
