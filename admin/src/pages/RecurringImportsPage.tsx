import { useState } from 'react';
import { Button, Flex, Link as DSLink, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { ConfirmActionDialog } from '../components/ConfirmActionDialog';
import { ImportStatusBadge } from '../components/imports/ImportStatusBadge';
import { ListPagination } from '../components/ListPagination';
import { pageGate } from '../components/pageGate';
import { RecurringImportFormModal } from '../components/schedules/RecurringImportFormModal';
import { isOpenRun } from '../components/schedules/RunOutcomeBadge';
import { RUNS_SHOWN, RunsModal } from '../components/schedules/RunsModal';
import { SchedulesTable } from '../components/schedules/SchedulesTable';
import { useScheduleLabels } from '../components/schedules/useScheduleLabels';
import { useScheduleActions } from '../components/schedules/useScheduleActions';
import { useImportPermissions } from '../hooks/useImportPermissions';
import { usePagedQuery } from '../hooks/usePagedQuery';
import { usePolledPagedList } from '../hooks/usePolledPagedList';
import { useRecurringImportApi } from '../hooks/useScheduleApi';
import type { ImportStatus } from '../../../shared/constants';
import type { RecurringImportView, RunImportJob, RunView } from '../scheduleTypes';
import { getTranslation } from '../utils/getTranslation';
import { importPath } from '../utils/paths';

const DEFAULT_PAGE_SIZE = '20';
const PAGE_SIZES = ['10', '20', '50', '100'];

/** Recurring imports: a file fetched on a schedule (HTTPS or SFTP) and imported with an earlier import's mapping; each run an import of the history. */
export const RecurringImportsPage = () => {
  const { formatMessage, formatNumber } = useIntl();
  const { toggleNotification } = useNotification();
  const { page, pageSize } = usePagedQuery(DEFAULT_PAGE_SIZE);
  const permissions = useImportPermissions();
  const api = useRecurringImportApi();
  const labels = useScheduleLabels();
  const { rows, pagination, isLoading, error, reload } = usePolledPagedList(JSON.stringify([page, pageSize]), () => api.list({ page, pageSize }), (r) => isOpenRun(r.lastRun));
  const actions = useScheduleActions(api, reload);
  const [editing, setEditing] = useState<RecurringImportView | 'new' | null>(null);
  const [runsOf, setRunsOf] = useState<RecurringImportView | null>(null);
  const [toDelete, setToDelete] = useState<RecurringImportView | null>(null);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const title = t('recurring.title', 'Recurring imports');

  const gate = pageGate({ isLoading: permissions.isLoading, allowed: permissions.canRead, error, title });
  if (gate) return gate;

  const createButton = (variant: 'default' | 'secondary') =>
    permissions.canCreate ? (
      <Button startIcon={<Plus />} variant={variant} onClick={() => setEditing('new')}>
        {t('recurring.create', 'New recurring import')}
      </Button>
    ) : undefined;

  const runJob = (run: RunView<RunImportJob>) => (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <DSLink tag={Link} to={importPath(run.job!.documentId)}>
        {run.job!.name}
      </DSLink>
      <ImportStatusBadge status={run.job!.status as ImportStatus} />
    </Flex>
  );
  const runWhat = (run: RunView<RunImportJob>) => {
    const c = run.job?.counters;
    if (!c) return null;
    return (
      <Typography variant="pi" textColor="neutral800" data-testid="run-counters">
        {t('recurring.runs.counters', '{created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped, {failed} failed', {
          created: formatNumber(c.created),
          updated: formatNumber(c.updated),
          unchanged: formatNumber(c.unchanged),
          skipped: formatNumber(c.skipped),
          failed: formatNumber(c.failed),
        })}
      </Typography>
    );
  };

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={pagination ? t('recurring.subtitle', '{total, plural, =0 {No recurring import} one {# recurring import} other {# recurring imports}}', { total: pagination.total }) : undefined}
        primaryAction={createButton('default')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <SchedulesTable<RecurringImportView>
            rows={rows}
            isLoading={isLoading}
            testId="recurring-import"
            labels={{
              name: t('recurring.column.name', 'Recurring import'),
              what: t('recurring.column.source', 'From'),
              loading: t('recurring.loading', 'Loading recurring imports…'),
              empty: t('recurring.empty', 'No recurring import yet. Import a file once, then make it recurring here.'),
            }}
            what={(r) => labels.source(r.source)}
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
      {editing && (
        <RecurringImportFormModal
          saved={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={reload}
        />
      )}
      {runsOf && (
        <RunsModal<RunImportJob>
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
          title={t('recurring.delete.title', 'Delete this recurring import?')}
          confirmLabel={t('recurring.delete.confirm', 'Delete')}
          onClose={() => setToDelete(null)}
          onConfirm={async () => {
            await api.remove(toDelete.documentId);
            toggleNotification({ type: 'success', message: t('recurring.delete.success', 'Recurring import deleted') });
            reload();
          }}
        >
          {t('recurring.delete.body', '"{name}" stops running and its credentials are erased. The imports its runs made stay in the history.', { name: toDelete.name })}
        </ConfirmActionDialog>
      )}
    </Page.Main>
  );
};
