import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { ContactEditor } from '../components/ContactEditor';
import { useContact } from '../hooks/useContact';
import { useContactPermissions } from '../hooks/useContactPermissions';
import { useCustomFields } from '../hooks/useCustomFields';
import { useSettings } from '../hooks/useSettings';
import { getTranslation } from '../utils/getTranslation';

/** /contacts/new (documentId absent) and /contacts/:documentId. */
export const ContactEditPage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  const { formatMessage } = useIntl();
  const permissions = useContactPermissions();
  const { contact, isLoading: isLoadingContact, error } = useContact(documentId);
  const { fields, forbidden: fieldsForbidden, isLoading: isLoadingFields, error: fieldsError } = useCustomFields();
  // Only marks the key required: the form still opens if the settings cannot be read.
  const { settings, isLoading: isLoadingSettings } = useSettings();
  const title = formatMessage({ id: getTranslation('list.title'), defaultMessage: 'Contacts' });

  if (permissions.isLoading || isLoadingContact || isLoadingFields || isLoadingSettings) {
    return <Page.Loading />;
  }
  if (!documentId && !permissions.canCreate) {
    return <Page.NoPermissions />;
  }
  if (error || fieldsError) {
    return <Page.Error />;
  }
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <ContactEditor
        key={documentId ?? 'new'}
        contact={contact}
        fields={fields}
        fieldsForbidden={fieldsForbidden}
        canSave={documentId ? permissions.canManage : permissions.canCreate}
        canDelete={permissions.canManage}
        uniqueKey={settings?.uniqueKey}
      />
    </Page.Main>
  );
};
