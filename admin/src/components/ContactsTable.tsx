import { Checkbox } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ContactSelection } from '../hooks/useContactSelection';
import type { Contact } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { ContactRow } from './ContactRow';
import { ListTable } from './ListTable';

interface ContactsTableProps {
  contacts: Contact[];
  isLoading: boolean;
  isSearching: boolean;
  canManage: boolean;
  /** Shown in the empty state, e.g. a create button when the role may create. */
  emptyAction?: React.ReactNode;
  onDelete: (contact: Contact) => void;
  /** Rows can be selected for bulk actions. */
  selection?: ContactSelection;
}

/**
 * Strapi's Table writes `sort=field:ASC|DESC` to the URL when a sortable header
 * is clicked; the API accepts either case.
 */
export const ContactsTable = ({ contacts, isLoading, isSearching, canManage, emptyAction, onDelete, selection }: ContactsTableProps) => {
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
  const selectPage = t('list.select.page', 'Select the contacts of this page');

  return (
    <ListTable
      rows={contacts}
      headers={headers}
      leading={
        selection && {
          label: selectPage,
          cell: (
            <Checkbox
              aria-label={selectPage}
              disabled={contacts.length === 0}
              checked={selection.pageSelected ? true : selection.selected.size > 0 ? 'indeterminate' : false}
              onCheckedChange={selection.togglePage}
            />
          ),
        }
      }
      actionsLabel={t('list.column.actions', 'Actions')}
      isLoading={isLoading}
      loadingText={t('list.loading', 'Loading contacts…')}
      emptyContent={isSearching ? t('list.empty.search', 'No contact matches this search.') : t('list.empty', 'No contacts yet. Create one or import a file.')}
      emptyAction={isSearching ? undefined : emptyAction}
    >
      {contacts.map((contact) => (
        <ContactRow
          key={contact.documentId}
          contact={contact}
          canManage={canManage}
          onDelete={onDelete}
          selected={selection ? selection.selected.has(contact.documentId) : undefined}
          onSelect={selection?.toggle}
        />
      ))}
    </ListTable>
  );
};
