import { useState } from 'react';
import { Box, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { IMPORT_STATUSES, type ImportStatus } from '../../../shared/constants';
import { ImportButton } from '../components/imports/ImportButton';
import { DeleteImportDialog } from '../components/imports/DeleteImportDialog';
import { ImportsTable } from '../components/imports/ImportsTable';
import { ListPagination } from '../components/ListPagination';
import { useStatusLabel } from '../components/imports/ImportStatusBadge';
import { pageGate } from '../components/pageGate';
import { useImportPermissions } from '../hooks/useImportPermissions';
import { useImports } from '../hooks/useImports';
import { usePagedQuery } from '../hooks/usePagedQuery';
import type { ImportView } from '../../../shared/imports';
import { getTranslation } from '../utils/getTranslation';

const DEFAULT_PAGE_SIZE = '20';
const PAGE_SIZES = ['10', '20', '50', '100'];
const ALL = 'all';

interface HistoryQuery {
  page?: string;
  pageSize?: string;
  status?: string;
}

/** The import history: newest first, filter by status, live while an import runs. */
export const ImportHistoryPage = () => {
  const { formatMessage } = useIntl();
  const statusLabel = useStatusLabel();
  const { query, setQuery, page, pageSize } = usePagedQuery<HistoryQuery>(DEFAULT_PAGE_SIZE);
  const permissions = useImportPermissions();

  const status = IMPORT_STATUSES.includes(query.status as ImportStatus) ? query.status : undefined;
  const { imports, pagination, isLoading, error, reload } = useImports({ page, pageSize, status });
  const [toDelete, setToDelete] = useState<ImportView | null>(null);
  const title = formatMessage({ id: getTranslation('imports.history.title'), defaultMessage: 'Imports' });

  const gate = pageGate({ isLoading: permissions.isLoading, allowed: permissions.canRead, error, title });
  if (gate) return gate;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          pagination
            ? formatMessage(
                {
                  id: getTranslation('imports.history.subtitle'),
                  defaultMessage: '{total, plural, =0 {No imports} one {# import} other {# imports}}',
                },
                { total: pagination.total },
              )
            : undefined
        }
        primaryAction={<ImportButton variant="default" />}
      />
      <Layouts.Action
        startActions={
          <Box width="24rem">
            <SingleSelect
              aria-label={formatMessage({ id: getTranslation('imports.filter.status'), defaultMessage: 'Filter by status' })}
              value={status ?? ALL}
              onChange={(value) => setQuery({ status: value === ALL ? undefined : String(value), page: '1' })}
            >
              <SingleSelectOption value={ALL}>
                {formatMessage({ id: getTranslation('imports.filter.all'), defaultMessage: 'All statuses' })}
              </SingleSelectOption>
              {IMPORT_STATUSES.map((s) => (
                <SingleSelectOption key={s} value={s}>
                  {statusLabel(s)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <ImportsTable
            imports={imports}
            isLoading={isLoading}
            isFiltered={!!status}
            canCreate={permissions.canCreate}
            canManage={permissions.canManage}
            emptyAction={<ImportButton />}
            onChange={reload}
            onDelete={setToDelete}
          />
          <ListPagination pagination={pagination} defaultPageSize={DEFAULT_PAGE_SIZE} sizes={PAGE_SIZES} />
        </Flex>
      </Layouts.Content>
      {toDelete && (
        <DeleteImportDialog
          documentId={toDelete.documentId}
          name={toDelete.name}
          onClose={() => setToDelete(null)}
          onDeleted={reload}
        />
      )}
    </Page.Main>
  );
};
