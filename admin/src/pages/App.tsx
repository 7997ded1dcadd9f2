import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Layouts, Page } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../../shared/constants';
import { ContactsNav } from '../components/ContactsNav';
import { JobsProvider } from '../jobs/JobsProvider';
import { ContactEditPage } from './ContactEditPage';
import { ContactsListPage } from './ContactsListPage';

const READ = [{ action: PERMISSIONS.contacts.read, subject: null }];

// Split off: the wizard, the history and the detail (recharts) load on first visit.
const ImportWizardPage = lazy(() => import('./ImportWizardPage').then((m) => ({ default: m.ImportWizardPage })));
const ImportHistoryPage = lazy(() => import('./ImportHistoryPage').then((m) => ({ default: m.ImportHistoryPage })));
const ImportDetailPage = lazy(() => import('./ImportDetailPage').then((m) => ({ default: m.ImportDetailPage })));
const ExportHistoryPage = lazy(() => import('./ExportHistoryPage').then((m) => ({ default: m.ExportHistoryPage })));
const RecurringImportsPage = lazy(() => import('./RecurringImportsPage').then((m) => ({ default: m.RecurringImportsPage })));
const ScheduledExportsPage = lazy(() => import('./ScheduledExportsPage').then((m) => ({ default: m.ScheduledExportsPage })));
const FieldsPage = lazy(() => import('./FieldsPage').then((m) => ({ default: m.FieldsPage })));
const SegmentsPage = lazy(() => import('./SegmentsPage').then((m) => ({ default: m.SegmentsPage })));
const SegmentEditPage = lazy(() => import('./SegmentEditPage').then((m) => ({ default: m.SegmentEditPage })));
const SettingsPage = lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage })));

/**
 * Mounted at /plugins/contacts. Contacts live under /contacts, beside imports,
 * segments and exports; the jobs watcher spans every page.
 */
export const App = () => (
  <Page.Protect permissions={READ}>
    <JobsProvider>
      <Layouts.Root sideNav={<ContactsNav />}>
      <Suspense fallback={<Page.Loading />}>
        <Routes>
          <Route index element={<Navigate to="contacts" replace />} />
          <Route path="contacts" element={<ContactsListPage />} />
          <Route path="contacts/new" element={<ContactEditPage />} />
          <Route path="contacts/:documentId" element={<ContactEditPage />} />
          <Route path="imports" element={<ImportHistoryPage />} />
          <Route path="imports/new" element={<ImportWizardPage />} />
          <Route path="imports/new/:documentId" element={<ImportWizardPage />} />
          <Route path="imports/:documentId" element={<ImportDetailPage />} />
          <Route path="segments" element={<SegmentsPage />} />
          <Route path="segments/new" element={<SegmentEditPage />} />
          <Route path="segments/:documentId" element={<SegmentEditPage />} />
          <Route path="recurring-imports" element={<RecurringImportsPage />} />
          <Route path="exports" element={<ExportHistoryPage />} />
          <Route path="scheduled-exports" element={<ScheduledExportsPage />} />
          <Route path="fields" element={<FieldsPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<Page.Error />} />
        </Routes>
      </Suspense>
      </Layouts.Root>
    </JobsProvider>
  </Page.Protect>
);
