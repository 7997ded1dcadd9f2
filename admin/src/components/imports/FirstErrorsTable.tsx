import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ImportFailedRow } from '../../importTypes';
import { getTranslation } from '../../utils/getTranslation';

/** The first failed rows of an import with their reason and original cells. */
export const FirstErrorsTable = ({ rows, columns }: { rows: ImportFailedRow[]; columns: string[] }) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  if (!rows.length) {
    return (
      <Typography textColor="neutral600" data-testid="first-errors-empty">
        {t('imports.detail.noErrors', 'No row failed.')}
      </Typography>
    );
  }
  return (
    <Box overflow="auto" data-testid="first-errors">
      <Table colCount={3} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('imports.errors.line', 'Line')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.errors.reason', 'Reason')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.errors.cells', 'Row')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => (
            <Tr key={row.line} data-testid="first-error-row">
              <Td>
                <Typography textColor="neutral800">{row.line}</Typography>
              </Td>
              <Td style={{ whiteSpace: 'normal', minWidth: '24rem' }}>
                <Typography textColor="danger600">{row.reason}</Typography>
              </Td>
              <Td style={{ whiteSpace: 'normal' }}>
                <Typography variant="pi" textColor="neutral700">
                  {row.cells
                    .map((cell, i) => ({ cell, column: columns[i] }))
                    .filter(({ cell }) => cell.trim() !== '')
                    .map(({ cell, column }) => (column ? `${column}: ${cell}` : cell))
                    .join(' · ')}
                </Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};
