import { useEffect, useState } from 'react';
import { Flex } from '@strapi/design-system';
import { Layouts, Page, Pagination, useQueryParams, withEncodedUserParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ContactsSearch } from '../components/ContactsSearch';
import { ContactsTable } from '../components/ContactsTable';
import { CreateContactButton } from '../components/CreateContactButton';
import { DeleteContactDialog } from '../components/DeleteContactDialog';
import { ImportButton } from '../components/imports/ImportButton';
import { ListErrorState } from '../components/ListErrorState';
import { useContactPermissions } from '../hooks/useContactPermissions';
import { useContacts } from '../hooks/useContacts';
import type { Contact, ContactsQuery } from '../types';
import { readApiError } from '../utils/apiError';
import { contactDisplayName } from '../utils/contactForm';
import { getTranslation } from '../utils/getTranslation';

const DEFAULT_PAGE_SIZE = '25';
const PAGE_SIZES = ['10', '25', '50', '100'];

export const ContactsListPage = () => {
  const { formatMessage } = useIntl();
  const [{ query }, setQuery] = useQueryParams<ContactsQuery>();

  // Put page and pageSize in the URL so the page-size selector shows the size in use.
  useEffect(() => {
    if (!query.page || !query.pageSize) {
      setQuery(
        withEncodedUserParams(query, { page: query.page ?? '1', pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE }),
        'push',
        true,
      );
    }
  }, [query, setQuery]);

  const { canCreate, canManage } = useContactPermissions();
  const { contacts, pagination, isLoading, error, reload } = useContacts({
    page: query.page ?? '1',
    pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
    sort: query.sort,
    q: query._q,
  });
  const [toDelete, setToDelete] = useState<Contact | null>(null);
  const title = formatMessage({ id: getTranslation('list.title'), defaultMessage: 'Contacts' });

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          pagination
            ? formatMessage(
                {
                  id: getTranslation('list.subtitle'),
                  defaultMessage: '{total, plural, =0 {No contacts} one {# contact} other {# contacts}}',
                },
                { total: pagination.total },
              )
            : undefined
        }
        primaryAction={
          <Flex gap={2}>
            <ImportButton />
            {canCreate && <CreateContactButton />}
          </Flex>
        }
      />
      <Layouts.Action startActions={<ContactsSearch />} />
      <Layouts.Content>
        {error ? (
          <ListErrorState message={readApiError(error).message} />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <ContactsTable
              contacts={contacts}
              isLoading={isLoading}
              isSearching={!!query._q}
              canManage={canManage}
              emptyAction={canCreate ? <CreateContactButton variant="secondary" /> : undefined}
              onDelete={setToDelete}
            />
            {pagination && (
              <Pagination.Root {...pagination} defaultPageSize={Number(DEFAULT_PAGE_SIZE)}>
                <Pagination.PageSize options={PAGE_SIZES} />
                <Pagination.Links />
              </Pagination.Root>
            )}
          </Flex>
        )}
      </Layouts.Content>
      {toDelete && (
        <DeleteContactDialog
          documentId={toDelete.documentId}
          name={contactDisplayName(toDelete)}
          open
          onOpenChange={(open) => !open && setToDelete(null)}
          onDeleted={reload}
        />
      )}
    </Page.Main>
  );
};
