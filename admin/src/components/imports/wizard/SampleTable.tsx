import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

/** The first rows of the source as the server read them (after decoding and splitting). */
export const SampleTable = ({ columns, rows }: { columns: string[]; rows: string[][] }) => (
  <Box overflow="auto" data-testid="sample-table">
    <Table colCount={columns.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {columns.map((c, i) => (
            <Th key={i}>
              <Typography variant="sigma" textColor="neutral700">
                {c}
              </Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row, r) => (
          <Tr key={r}>
            {columns.map((_, i) => (
              <Td key={i}>
                <Typography textColor="neutral800">{row[i] ?? ''}</Typography>
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  </Box>
);
