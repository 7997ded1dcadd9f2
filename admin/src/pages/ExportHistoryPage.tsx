import { useState } from 'react';
import { Flex } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ConfirmActionDialog } from '../components/ConfirmActionDialog';
import { ExportButton } from '../components/exports/ExportButton';
import { ExportsTable } from '../components/exports/ExportsTable';
import { ListPagination } from '../components/ListPagination';
import { pageGate } from '../components/pageGate';
import type { ExportView } from '../exportTypes';
import { useApiErrorNotification } from '../hooks/useApiErrorNotification';
import { useExportApi } from '../hooks/useExportApi';
import { useExportPermissions } from '../hooks/useExportPermissions';
import { useExports } from '../hooks/useExports';
import { useExportTargets } from '../hooks/useExportTargets';
import { usePagedQuery } from '../hooks/usePagedQuery';
import { getTranslation } from '../utils/getTranslation';

const DEFAULT_PAGE_SIZE = '20';
const PAGE_SIZES = ['10', '20', '50', '100'];

/** The export history: newest first, live while one runs; download the file, delete an export, export the whole base. */
export const ExportHistoryPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useApiErrorNotification();
  const { page, pageSize } = usePagedQuery(DEFAULT_PAGE_SIZE);
  const permissions = useExportPermissions();
  const api = useExportApi();
  const targets = useExportTargets();
  const { exports, pagination, isLoading, error, reload } = useExports({ page, pageSize });
  const [toDelete, setToDelete] = useState<ExportView | null>(null);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const title = t('exports.title', 'Exports');

  const gate = pageGate({ isLoading: permissions.isLoading, allowed: permissions.canRead, error, title });
  if (gate) return gate;

  const exportButton = (variant: 'default' | 'secondary') => <ExportButton variant={variant} target={targets.all} onQueued={reload} />;
  const download = (view: ExportView) => api.download(view).catch(notifyError);

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={pagination ? t('exports.subtitle', '{total, plural, =0 {No exports} one {# export} other {# exports}}', { total: pagination.total }) : undefined}
        primaryAction={exportButton('default')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <ExportsTable
            exports={exports}
            isLoading={isLoading}
            canManage={permissions.canManage}
            emptyAction={exportButton('secondary')}
            onDownload={download}
            onDelete={setToDelete}
          />
          <ListPagination pagination={pagination} defaultPageSize={DEFAULT_PAGE_SIZE} sizes={PAGE_SIZES} />
        </Flex>
      </Layouts.Content>
      {toDelete && (
        <ConfirmActionDialog
          title={t('exports.delete.title', 'Delete this export?')}
          confirmLabel={t('exports.delete.confirm', 'Delete')}
          onClose={() => setToDelete(null)}
          onConfirm={async () => {
            await api.remove(toDelete.documentId);
            toggleNotification({ type: 'success', message: t('exports.delete.success', 'Export deleted') });
            reload();
          }}
        >
          {t('exports.delete.body', '"{name}" leaves the history with its file. The contacts stay.', { name: toDelete.name })}
        </ConfirmActionDialog>
      )}
    </Page.Main>
  );
};
