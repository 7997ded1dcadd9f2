import { Table } from '@strapi/strapi/admin';
import { Th, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Contact } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { ContactRow } from './ContactRow';

interface ContactsTableProps {
  contacts: Contact[];
  isLoading: boolean;
  isSearching: boolean;
  canManage: boolean;
  /** Shown in the empty state, e.g. a create button when the role may create. */
  emptyAction?: React.ReactNode;
  onDelete: (contact: Contact) => void;
}

/**
 * Strapi's Table writes `sort=field:ASC|DESC` to the URL when a sortable header
 * is clicked; the API accepts either case.
 */
export const ContactsTable = ({ contacts, isLoading, isSearching, canManage, emptyAction, onDelete }: ContactsTableProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const headers = [
    { name: 'email', label: t('list.column.email', 'E-mail'), sortable: true },
    { name: 'lastName', label: t('list.column.name', 'Name'), sortable: true },
    { name: 'company', label: t('list.column.company', 'Company'), sortable: true },
    { name: 'mobile', label: t('list.column.mobile', 'Mobile'), sortable: true },
    { name: 'emailOptIn', label: t('list.column.optIns', 'Opt-ins'), sortable: true },
    { name: 'updatedAt', label: t('list.column.updatedAt', 'Updated'), sortable: true },
  ];
  // Counted in colCount so the loading and empty rows span the actions column too.
  const allHeaders = [...headers, { name: 'actions', label: t('list.column.actions', 'Actions'), sortable: false }];
  const rows = contacts.map((c) => ({ ...c, id: c.documentId }));

  return (
    <Table.Root rows={rows} headers={allHeaders} isLoading={isLoading}>
      <Table.Content>
        <Table.Head>
          {headers.map((header) => (
            <Table.HeaderCell key={header.name} {...header} />
          ))}
          <Th>
            <VisuallyHidden>{t('list.column.actions', 'Actions')}</VisuallyHidden>
          </Th>
        </Table.Head>
        <Table.Loading>{t('list.loading', 'Loading contacts…')}</Table.Loading>
        <Table.Empty
          action={isSearching ? undefined : emptyAction}
          content={
            isSearching
              ? t('list.empty.search', 'No contact matches this search.')
              : t('list.empty', 'No contacts yet. Create one or import a file.')
          }
        />
        <Table.Body>
          {contacts.map((contact) => (
            <ContactRow key={contact.documentId} contact={contact} canManage={canManage} onDelete={onDelete} />
          ))}
        </Table.Body>
      </Table.Content>
    </Table.Root>
  );
};
