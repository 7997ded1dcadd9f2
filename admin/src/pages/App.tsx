import { Routes, Route } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { ContactsPage } from './ContactsPage';

export const App = () => (
  <Routes>
    <Route index element={<ContactsPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);
