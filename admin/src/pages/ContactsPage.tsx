import { useEffect, useState } from 'react';
import { Box, Table, Thead, Tbody, Tr, Th, Td, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';

export const ContactsPage = () => {
  const { get } = useFetchClient();
  const [rows, setRows] = useState<any[] | null>(null);
  useEffect(() => {
    get('/contacts/contacts').then((r: any) => setRows(r.data.data));
  }, [get]);
  if (!rows) return <Page.Loading />;
  return (
    <Layouts.Root>
      <Layouts.Header title="Contacts" />
      <Layouts.Content>
        <Box background="neutral0">
          <Table colCount={2} rowCount={rows.length}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">E-mail</Typography></Th>
                <Th><Typography variant="sigma">Name</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((c) => (
                <Tr key={c.documentId}>
                  <Td><Typography>{c.email}</Typography></Td>
                  <Td><Typography>{[c.firstName, c.lastName].filter(Boolean).join(' ')}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};
