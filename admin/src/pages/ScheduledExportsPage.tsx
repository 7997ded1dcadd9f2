import { useState } from 'react';
import { Button, Flex, Link as DSLink, Typography } from '@strapi/design-system';
import { Download, Plus } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { ExportStatus } from '../../../shared/constants';
import { ConfirmActionDialog } from '../components/ConfirmActionDialog';
import { ExportStatusBadge } from '../components/exports/ExportStatusBadge';
import { ListPagination } from '../components/ListPagination';
import { pageGate } from '../components/pageGate';
import { RowAction } from '../components/RowAction';
import { isOpenRun } from '../components/schedules/RunOutcomeBadge';
import { RUNS_SHOWN, RunsModal } from '../components/schedules/RunsModal';
import { ScheduledExportFormModal } from '../components/schedules/ScheduledExportFormModal';
import { SchedulesTable } from '../components/schedules/SchedulesTable';
import { useScheduleActions } from '../components/schedules/useScheduleActions';
import { useScheduleLabels } from '../components/schedules/useScheduleLabels';
import { useApiErrorNotification } from '../hooks/useApiErrorNotification';
import { useExportApi } from '../hooks/useExportApi';
import { useExportPermissions } from '../hooks/useExportPermissions';
import { usePagedQuery } from '../hooks/usePagedQuery';
import { usePolledPagedList } from '../hooks/usePolledPagedList';
import { useScheduledExportApi } from '../hooks/useScheduleApi';
import type { RunExportJob, RunView, ScheduledExportView } from '../scheduleTypes';
import { getTranslation } from '../utils/getTranslation';
import { EXPORTS_PATH } from '../utils/paths';

const DEFAULT_PAGE_SIZE = '20';
const PAGE_SIZES = ['10', '20', '50', '100'];

/** Scheduled exports: an earlier export repeated on a schedule, delivered to SFTP or kept in the history; each run an export of the history. */
export const ScheduledExportsPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useApiErrorNotification();
  const { page, pageSize } = usePagedQuery(DEFAULT_PAGE_SIZE);
  const permissions = useExportPermissions();
  const api = useScheduledExportApi();
  const exportsApi = useExportApi();
  const labels = useScheduleLabels();
  const { rows, pagination, isLoading, error, reload } = usePolledPagedList(JSON.stringify([page, pageSize]), () => api.list({ page, pageSize }), (r) => isOpenRun(r.lastRun));
  const actions = useScheduleActions(api, reload);
  const [editing, setEditing] = useState<ScheduledExportView | 'new' | null>(null);
  const [runsOf, setRunsOf] = useState<ScheduledExportView | null>(null);
  const [toDelete, setToDelete] = useState<ScheduledExportView | null>(null);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const title = t('scheduled.title', 'Scheduled exports');

  const gate = pageGate({ isLoading: permissions.isLoading, allowed: permissions.canRead, error, title });
  if (gate) return gate;

  const createButton = (variant: 'default' | 'secondary') =>
    permissions.canCreate ? (
      <Button startIcon={<Plus />} variant={variant} onClick={() => setEditing('new')}>
        {t('scheduled.create', 'New scheduled export')}
      </Button>
    ) : undefined;

  const runJob = (run: RunView<RunExportJob>) => {
    const job = run.job!;
    return (
      <Flex gap={2} alignItems="flex-start">
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <DSLink tag={Link} to={EXPORTS_PATH}>
            {job.name}
          </DSLink>
          <ExportStatusBadge status={job.status as ExportStatus} />
        </Flex>
        {job.status === 'done' && runsOf && (
          <RowAction
            label={t('exports.action.download', 'Download {name}', { name: job.name })}
            icon={<Download />}
            onClick={() => exportsApi.download({ documentId: job.documentId, name: job.name, format: runsOf.request.format }).catch(notifyError)}
          />
        )}
      </Flex>
    );
  };
  const runWhat = (run: RunView<RunExportJob>) => {
    const remotePath = typeof run.details.remotePath === 'string' ? run.details.remotePath : null;
    return (
      <>
        {run.job && (
          <Typography variant="pi" textColor="neutral800" data-testid="run-rows">
            {t('scheduled.runs.rows', '{count, plural, one {# row} other {# rows}}', { count: run.job.rowCount })}
          </Typography>
        )}
        {remotePath && (
          <Typography variant="pi" textColor="neutral600">
            {t('scheduled.runs.delivered', 'Delivered to {path}', { path: remotePath })}
          </Typography>
        )}
      </>
    );
  };

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={pagination ? t('scheduled.subtitle', '{total, plural, =0 {No scheduled export} one {# scheduled export} other {# scheduled exports}}', { total: pagination.total }) : undefined}
        primaryAction={createButton('default')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <SchedulesTable<ScheduledExportView>
            rows={rows}
            isLoading={isLoading}
            testId="scheduled-export"
            labels={{
              name: t('scheduled.column.name', 'Scheduled export'),
              what: t('scheduled.column.destination', 'To'),
              loading: t('scheduled.loading', 'Loading scheduled exports…'),
              empty: t('scheduled.empty', 'No scheduled export yet. Export once, then schedule it here.'),
            }}
            what={(r) => labels.destination(r.destination)}
            canRun={permissions.canCreate}
            canManage={permissions.canManage}
            busy={actions.busy}
            emptyAction={createButton('secondary')}
            onRun={actions.run}
            onTest={actions.test}
            onRuns={setRunsOf}
            onEdit={setEditing}
            onDelete={setToDelete}
          />
          <ListPagination pagination={pagination} defaultPageSize={DEFAULT_PAGE_SIZE} sizes={PAGE_SIZES} />
        </Flex>
      </Layouts.Content>
      {editing && <ScheduledExportFormModal saved={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={reload} />}
      {runsOf && (
        <RunsModal<RunExportJob>
          title={t('schedules.runs.title', 'Runs of {name}', { name: runsOf.name })}
          listKey={runsOf.documentId}
          load={() => api.runs(runsOf.documentId, { pageSize: RUNS_SHOWN })}
          renderJob={runJob}
          renderWhat={runWhat}
          onClose={() => setRunsOf(null)}
        />
      )}
      {toDelete && (
        <ConfirmActionDialog
          title={t('scheduled.delete.title', 'Delete this scheduled export?')}
          confirmLabel={t('scheduled.delete.confirm', 'Delete')}
          onClose={() => setToDelete(null)}
          onConfirm={async () => {
            await api.remove(toDelete.documentId);
            toggleNotification({ type: 'success', message: t('scheduled.delete.success', 'Scheduled export deleted') });
            reload();
          }}
        >
          {t('scheduled.delete.body', '"{name}" stops running and its credentials are erased. The exports its runs made stay in the history.', { name: toDelete.name })}
        </ConfirmActionDialog>
      )}
    </Page.Main>
  );
};
