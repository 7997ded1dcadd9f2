import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Flex } from '@strapi/design-system';
import { Filter } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { ConfirmActionDialog } from '../components/ConfirmActionDialog';
import { ContactsSearch } from '../components/ContactsSearch';
import { ContactsTable } from '../components/ContactsTable';
import { AdvancedSearchPanel } from '../components/contacts-search/AdvancedSearchPanel';
import { BulkActionsBar, type BulkActionKind } from '../components/contacts-search/BulkActionsBar';
import { BulkSegmentDialog } from '../components/contacts-search/BulkSegmentDialog';
import { BulkTagsDialog } from '../components/contacts-search/BulkTagsDialog';
import { SaveSearchDialog } from '../components/contacts-search/SaveSearchDialog';
import { CreateContactButton } from '../components/CreateContactButton';
import { DeleteContactDialog } from '../components/DeleteContactDialog';
import { ExportButton } from '../components/exports/ExportButton';
import { ExportDialog } from '../components/exports/ExportDialog';
import type { ExportTarget } from '../components/exports/exportModel';
import { ImportButton } from '../components/imports/ImportButton';
import { ListErrorState } from '../components/ListErrorState';
import { ListPagination } from '../components/ListPagination';
import { errorsByKey, isEmptyCriteria } from '../components/segments/criteria/criteriaModel';
import { searchCriteria, useBulkTarget } from '../hooks/useBulkTarget';
import { useContactMutations } from '../hooks/useContactMutations';
import { useContactPermissions } from '../hooks/useContactPermissions';
import { useContacts } from '../hooks/useContacts';
import { useContactSelection } from '../hooks/useContactSelection';
import { useExportPermissions } from '../hooks/useExportPermissions';
import { useExportTargets } from '../hooks/useExportTargets';
import { usePagedQuery } from '../hooks/usePagedQuery';
import { useSearchCriteria } from '../hooks/useSearchCriteria';
import { useSegmentPermissions } from '../hooks/useSegmentPermissions';
import { useJobEnded } from '../jobs/jobsStore';
import type { Contact, ContactsQuery } from '../types';
import { readApiError } from '../utils/apiError';
import { contactDisplayName } from '../utils/contactForm';
import { getTranslation } from '../utils/getTranslation';
import { segmentPath } from '../utils/paths';

const DEFAULT_PAGE_SIZE = '25';
const PAGE_SIZES = ['10', '25', '50', '100'];

type Dialog =
  | { type: 'segment'; mode: 'add' | 'remove' }
  | { type: 'tags'; mode: 'add' | 'remove' }
  | { type: 'delete' }
  | { type: 'save'; mode: 'dynamic' | 'static' }
  | { type: 'export'; target: ExportTarget };

const DIALOG_OF: Record<Exclude<BulkActionKind, 'export'>, Dialog> = {
  addToSegment: { type: 'segment', mode: 'add' },
  removeFromSegment: { type: 'segment', mode: 'remove' },
  addTags: { type: 'tags', mode: 'add' },
  removeTags: { type: 'tags', mode: 'remove' },
  delete: { type: 'delete' },
};

/**
 * The contacts: a quick search, an advanced search with the segment builder
 * (criteria in the URL), selection of rows or of every result, bulk actions,
 * and the search saved as a dynamic segment or frozen into a static one.
 */
export const ContactsListPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const { query, page, pageSize } = usePagedQuery<ContactsQuery>(DEFAULT_PAGE_SIZE);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const { canCreate, canManage } = useContactPermissions();
  const segmentRights = useSegmentPermissions();
  const exportRights = useExportPermissions();
  const exportTargets = useExportTargets();
  const search = useSearchCriteria();
  const [advancedOpen, setAdvancedOpen] = useState(!!search.applied);
  useEffect(() => {
    if (search.applied) setAdvancedOpen(true);
  }, [search.applied]);
  const criteriaParam = search.applied ? JSON.stringify(search.applied) : undefined;
  const { contacts, pagination, isLoading, error, reload } = useContacts({
    page,
    pageSize,
    sort: query.sort,
    q: query._q,
    criteria: criteriaParam,
  });
  // An import this tab started ended: its contacts are in the list now.
  useJobEnded(['import'], reload);
  const { bulk } = useContactMutations();
  const pageIds = useMemo(() => contacts.map((c) => c.documentId), [contacts]);
  const resetKey = JSON.stringify([query._q, criteriaParam, query.page, query.pageSize, query.sort]);
  const selection = useContactSelection(pageIds, resetKey);
  const target = useBulkTarget(selection, { q: query._q, criteria: search.applied });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [toDelete, setToDelete] = useState<Contact | null>(null);

  const errorInfo = error ? readApiError(error) : undefined;
  const criteriaErrors = useMemo(() => errorsByKey(search.compiled, errorInfo), [search.compiled, errorInfo?.path, errorInfo?.message]);
  const total = pagination?.total ?? 0;
  const selectedCount = selection.all ? total : selection.selected.size;
  const conditionCount = search.applied?.conditions.length ?? 0;
  const canSelect = canManage || segmentRights.canManage || exportRights.canCreate;
  const title = t('list.title', 'Contacts');
  // The rows picked, else every result of the search, as they stand when the dialog opens.
  const exportTarget = () =>
    exportTargets.contacts({
      q: query._q,
      criteria: search.applied,
      picked: selectedCount,
      total,
      resolve: selectedCount > 0 ? target.selected : target.everyResult,
    });
  const done = () => {
    selection.clear();
    reload();
  };

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          pagination
            ? t('list.subtitle', '{total, plural, =0 {No contacts} one {# contact} other {# contacts}}', { total: pagination.total })
            : undefined
        }
        primaryAction={
          <Flex gap={2}>
            <ImportButton />
            <ExportButton target={exportTarget} />
            {canCreate && <CreateContactButton />}
          </Flex>
        }
      />
      <Layouts.Action
        startActions={
          <Flex gap={2}>
            <ContactsSearch />
            <Button
              variant={advancedOpen ? 'secondary' : 'tertiary'}
              startIcon={<Filter />}
              endIcon={conditionCount > 0 ? <Badge>{conditionCount}</Badge> : undefined}
              aria-expanded={advancedOpen}
              onClick={() => setAdvancedOpen((o) => !o)}
            >
              {t('search.advanced', 'Advanced search')}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {advancedOpen && (
            <AdvancedSearchPanel
              draft={search.draft}
              onChange={search.setDraft}
              errors={criteriaErrors}
              hasCriteria={!isEmptyCriteria(search.applied) || !!query._q?.trim()}
              canCreateSegments={segmentRights.canCreate}
              canFillSegments={segmentRights.canManage}
              onSave={(mode) => setDialog({ type: 'save', mode })}
            />
          )}
          {canSelect && (
            <BulkActionsBar
              selection={selection}
              total={total}
              canManageContacts={canManage}
              canManageSegments={segmentRights.canManage}
              canExport={exportRights.canCreate}
              onAction={(kind) => setDialog(kind === 'export' ? { type: 'export', target: exportTarget() } : DIALOG_OF[kind])}
            />
          )}
          {error ? (
            <ListErrorState message={errorInfo?.message} />
          ) : (
            <Flex direction="column" alignItems="stretch" gap={2}>
              <ContactsTable
                contacts={contacts}
                isLoading={isLoading}
                isSearching={!!query._q || !!search.applied}
                canManage={canManage}
                emptyAction={canCreate ? <CreateContactButton variant="secondary" /> : undefined}
                onDelete={setToDelete}
                selection={canSelect ? selection : undefined}
              />
              <ListPagination pagination={pagination} defaultPageSize={DEFAULT_PAGE_SIZE} sizes={PAGE_SIZES} />
            </Flex>
          )}
        </Flex>
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
      {dialog?.type === 'segment' && (
        <BulkSegmentDialog mode={dialog.mode} count={selectedCount} resolveTarget={target.selected} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.type === 'tags' && (
        <BulkTagsDialog mode={dialog.mode} count={selectedCount} resolveTarget={target.selected} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.type === 'delete' && (
        <ConfirmActionDialog
          title={t('bulk.delete.title', 'Delete {count, plural, one {# contact} other {# contacts}}?', { count: selectedCount })}
          confirmLabel={t('bulk.delete.confirm', 'Delete {count, plural, one {# contact} other {# contacts}}', { count: selectedCount })}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const { affected } = await bulk({ action: 'delete' }, await target.selected());
            toggleNotification({
              type: 'success',
              message: t('bulk.delete.done', '{count, plural, one {# contact} other {# contacts}} deleted.', { count: affected }),
            });
            done();
          }}
        >
          {t('bulk.delete.body', 'They leave the contact base and every segment. This cannot be undone.')}
        </ConfirmActionDialog>
      )}
      {dialog?.type === 'export' && <ExportDialog target={dialog.target} onClose={() => setDialog(null)} />}
      {dialog?.type === 'save' && (
        <SaveSearchDialog
          mode={dialog.mode}
          // The quick search is one of its conditions: a dynamic segment keeps it too.
          criteria={searchCriteria({ q: query._q, criteria: search.applied })}
          // Freezing takes the whole search, whatever is selected.
          resolveTarget={target.everyResult}
          count={total}
          onClose={() => setDialog(null)}
          onSaved={(segment) => navigate(segmentPath(segment.documentId))}
        />
      )}
    </Page.Main>
  );
};
