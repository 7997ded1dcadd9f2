import { useCallback, useEffect, useRef, useState } from 'react';
import { Flex, LinkButton } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { ConfirmActionDialog } from '../components/ConfirmActionDialog';
import { ExportDialog } from '../components/exports/ExportDialog';
import { ListPagination } from '../components/ListPagination';
import { useDescribeCriteria } from '../components/segments/criteria/useDescribeCriteria';
import { SegmentsTable } from '../components/segments/SegmentsTable';
import { pageGate } from '../components/pageGate';
import { useExportPermissions } from '../hooks/useExportPermissions';
import { useExportTargets } from '../hooks/useExportTargets';
import { usePagedQuery } from '../hooks/usePagedQuery';
import { useSegmentApi } from '../hooks/useSegmentApi';
import { useSegmentPermissions } from '../hooks/useSegmentPermissions';
import { useSegments } from '../hooks/useSegments';
import { useJobEnded } from '../jobs/jobsStore';
import type { Segment } from '../segmentTypes';
import { getTranslation } from '../utils/getTranslation';
import { NEW_SEGMENT_PATH } from '../utils/paths';

const DEFAULT_PAGE_SIZE = '50';
const PAGE_SIZES = ['10', '20', '50', '100'];

/** Every segment with its count and last refresh; refresh, open, delete. */
export const SegmentsPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { page, pageSize } = usePagedQuery(DEFAULT_PAGE_SIZE);
  const permissions = useSegmentPermissions();
  const api = useSegmentApi();
  const describeCriteria = useDescribeCriteria();
  const { segments, pagination, isLoading, error, reload } = useSegments({ page, pageSize });
  const [toDelete, setToDelete] = useState<Segment | null>(null);
  const exportRights = useExportPermissions();
  const exportTargets = useExportTargets();
  const [toExport, setToExport] = useState<Segment | null>(null);

  // An import this tab watched ended: the server refreshes the dynamic segments right after, in the background.
  const later = useRef<Array<ReturnType<typeof setTimeout>>>([]);
  useEffect(() => () => later.current.forEach(clearTimeout), []);
  useJobEnded(['import', 'refresh'], (job) => {
    reload();
    if (job.kind === 'import') later.current.push(setTimeout(reload, 2000), setTimeout(reload, 5000));
  });
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const title = t('segments.title', 'Segments');

  const describe = useCallback(
    (s: Segment) => describeCriteria(s.criteria, (id) => segments.find((x) => x.documentId === id)?.name),
    [describeCriteria, segments],
  );

  const gate = pageGate({ isLoading: permissions.isLoading, allowed: permissions.canRead, error, title });
  if (gate) return gate;

  const createButton = (variant: 'default' | 'secondary') =>
    permissions.canCreate ? (
      <LinkButton tag={Link} to={NEW_SEGMENT_PATH} startIcon={<Plus />} variant={variant}>
        {t('segments.create', 'Create a segment')}
      </LinkButton>
    ) : undefined;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          pagination ? t('segments.subtitle', '{total, plural, =0 {No segments} one {# segment} other {# segments}}', { total: pagination.total }) : undefined
        }
        primaryAction={createButton('default')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <SegmentsTable
            segments={segments}
            isLoading={isLoading}
            canRefresh={permissions.canManage || permissions.canCreate}
            canManage={permissions.canManage}
            describe={describe}
            emptyAction={createButton('secondary')}
            onChange={reload}
            onDelete={setToDelete}
            onExport={exportRights.canCreate ? setToExport : undefined}
          />
          <ListPagination pagination={pagination} defaultPageSize={DEFAULT_PAGE_SIZE} sizes={PAGE_SIZES} />
        </Flex>
      </Layouts.Content>
      {toExport && <ExportDialog target={exportTargets.segment(toExport)} onClose={() => setToExport(null)} />}
      {toDelete && (
        <ConfirmActionDialog
          title={t('segments.delete.title', 'Delete this segment?')}
          confirmLabel={t('segments.delete.confirm', 'Delete')}
          onClose={() => setToDelete(null)}
          onConfirm={async () => {
            await api.remove(toDelete.documentId);
            toggleNotification({ type: 'success', message: t('segments.delete.success', 'Segment deleted') });
            reload();
          }}
        >
          {t('segments.delete.body', '"{name}" goes; its contacts stay in the base.', { name: toDelete.name })}
        </ConfirmActionDialog>
      )}
    </Page.Main>
  );
};
