import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ImportProblem } from '../../../../shared/imports';
import { getTranslation } from '../../utils/getTranslation';
import { ProblemLevelBadge } from './ProblemLevelBadge';

interface FirstErrorsTableProps {
  rows: ImportProblem[];
  columns: string[];
  /** Show the original cells (the detail page); the dry run lists them without. */
  withCells?: boolean;
  emptyText?: string;
}

/** The first problems of an import: line, level, column, reason and the original cells. */
export const FirstErrorsTable = ({ rows, columns, withCells = true, emptyText }: FirstErrorsTableProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  if (!rows.length) {
    return (
      <Typography textColor="neutral600" data-testid="first-errors-empty">
        {emptyText ?? t('imports.detail.noErrors', 'No row failed.')}
      </Typography>
    );
  }
  return (
    <Box overflow="auto" data-testid="first-errors">
      <Table colCount={withCells ? 5 : 4} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('imports.errors.line', 'Line')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.errors.level', 'Level')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.errors.column', 'Column')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.errors.reason', 'Reason')}</Typography>
            </Th>
            {withCells && (
              <Th>
                <Typography variant="sigma">{t('imports.errors.cells', 'Row')}</Typography>
              </Th>
            )}
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row, i) => (
            <Tr key={`${row.line}-${i}`} data-testid="first-error-row" data-level={row.level}>
              <Td>
                <Typography textColor="neutral800">{formatNumber(row.line)}</Typography>
              </Td>
              <Td>
                <ProblemLevelBadge level={row.level} />
              </Td>
              <Td>
                <Typography textColor="neutral800">{row.column ?? '-'}</Typography>
              </Td>
              <Td style={{ whiteSpace: 'normal', minWidth: '24rem' }}>
                <Typography textColor={row.level === 'error' ? 'danger600' : 'warning700'}>{row.reason}</Typography>
              </Td>
              {withCells && (
                <Td style={{ whiteSpace: 'normal' }}>
                  <Typography variant="pi" textColor="neutral700">
                    {row.cells
                      .map((cell, n) => ({ cell, column: columns[n] }))
                      .filter(({ cell }) => cell.trim() !== '')
                      .map(({ cell, column }) => (column ? `${column}: ${cell}` : cell))
                      .join(' · ')}
                  </Typography>
                </Td>
              )}
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};
