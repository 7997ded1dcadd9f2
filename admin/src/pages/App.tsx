import { Navigate, Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../../server/src/constants';
import { ContactEditPage } from './ContactEditPage';
import { ContactsListPage } from './ContactsListPage';

const READ = [{ action: PERMISSIONS.contacts.read, subject: null }];

/**
 * Mounted at /plugins/contacts. Contacts live under /contacts so imports,
 * segments and exports can sit beside them later.
 */
export const App = () => (
  <Page.Protect permissions={READ}>
    <Routes>
      <Route index element={<Navigate to="contacts" replace />} />
      <Route path="contacts" element={<ContactsListPage />} />
      <Route path="contacts/new" element={<ContactEditPage />} />
      <Route path="contacts/:documentId" element={<ContactEditPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);
