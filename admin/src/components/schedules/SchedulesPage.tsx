import { useState } from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page as AdminPage, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Page } from '../../hooks/usePagedList';
import { usePagedQuery } from '../../hooks/usePagedQuery';
import { usePolledPagedList } from '../../hooks/usePolledPagedList';
import type { RunView } from '../../scheduleTypes';
import { getTranslation } from '../../utils/getTranslation';
import { ConfirmActionDialog } from '../ConfirmActionDialog';
import { ListPagination } from '../ListPagination';
import { pageGate } from '../pageGate';
import { isOpenRun } from './RunOutcomeBadge';
import { RUNS_SHOWN, RunsModal } from './RunsModal';
import type { ScheduleFormProps } from './ScheduleFormModal';
import type { PageWord, SchedulesPageKind } from './scheduleKinds';
import { SchedulesTable, type ScheduleRow } from './SchedulesTable';
import { useScheduleActions, type ScheduleActionsApi } from './useScheduleActions';

const DEFAULT_PAGE_SIZE = '20';
const PAGE_SIZES = ['10', '20', '50', '100'];

/** The routes the page calls; its form gets the whole API. */
type ListApi<R, J> = ScheduleActionsApi & {
  list: (params: { page?: string; pageSize?: string }) => Promise<Page<R>>;
  runs: (documentId: string, params: { pageSize?: string }) => Promise<Page<RunView<J>>>;
  remove: (documentId: string) => Promise<void>;
};

interface SchedulesPageProps<R extends ScheduleRow, J, C extends string, A extends ListApi<R, J>> {
  kind: SchedulesPageKind<C>;
  permissions: { isLoading: boolean; canRead: boolean; canCreate: boolean; canManage: boolean };
  api: A;
  /** The source or the destination of a row. */
  what: (row: R) => string;
  /** A run's import or export (a link, a download) in the runs of `of`. */
  renderJob: (run: RunView<J>, of: R) => React.ReactNode;
  /** What a run took or made (rows, counters). */
  renderWhat: (run: RunView<J>, of: R) => React.ReactNode;
  /** The create and edit form. */
  Form: React.ComponentType<ScheduleFormProps<R, A>>;
}

/** The page of recurring imports or of scheduled exports: the list (live while a run is open), create, edit, runs, delete. */
export const SchedulesPage = <R extends ScheduleRow, J, C extends string, A extends ListApi<R, J>>({ kind, permissions, api, what, renderJob, renderWhat, Form }: SchedulesPageProps<R, J, C, A>) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { page, pageSize } = usePagedQuery(DEFAULT_PAGE_SIZE);
  const { rows, pagination, isLoading, error, reload } = usePolledPagedList(JSON.stringify([page, pageSize]), () => api.list({ page, pageSize }), (r) => isOpenRun(r.lastRun));
  const actions = useScheduleActions(api, reload);
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  const [runsOf, setRunsOf] = useState<R | null>(null);
  const [toDelete, setToDelete] = useState<R | null>(null);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const w = (word: PageWord | C, values?: Record<string, unknown>) => t(`${kind.prefix}.${word}`, kind.words[word], values);
  const title = w('title');

  const gate = pageGate({ isLoading: permissions.isLoading, allowed: permissions.canRead, error, title });
  if (gate) return gate;

  const createButton = (variant: 'default' | 'secondary') =>
    permissions.canCreate ? (
      <Button startIcon={<Plus />} variant={variant} onClick={() => setEditing('new')}>
        {w('create')}
      </Button>
    ) : undefined;

  return (
    <AdminPage.Main>
      <AdminPage.Title>{title}</AdminPage.Title>
      <Layouts.Header title={title} subtitle={pagination ? w('subtitle', { total: pagination.total }) : undefined} primaryAction={createButton('default')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <SchedulesTable<R>
            rows={rows}
            isLoading={isLoading}
            testId={kind.testId}
            labels={{ name: w('column.name'), what: w(kind.whatColumn), loading: w('loading'), empty: w('empty') }}
            what={what}
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
      {editing && <Form saved={editing === 'new' ? undefined : editing} api={api} onClose={() => setEditing(null)} onSaved={reload} />}
      {runsOf && (
        <RunsModal<J>
          title={t('schedules.runs.title', 'Runs of {name}', { name: runsOf.name })}
          listKey={runsOf.documentId}
          load={() => api.runs(runsOf.documentId, { pageSize: RUNS_SHOWN })}
          renderJob={(run) => renderJob(run, runsOf)}
          renderWhat={(run) => renderWhat(run, runsOf)}
          onClose={() => setRunsOf(null)}
        />
      )}
      {toDelete && (
        <ConfirmActionDialog
          title={w('delete.title')}
          confirmLabel={w('delete.confirm')}
          onClose={() => setToDelete(null)}
          onConfirm={async () => {
            await api.remove(toDelete.documentId);
            toggleNotification({ type: 'success', message: w('delete.success') });
            reload();
          }}
        >
          {w('delete.body', { name: toDelete.name })}
        </ConfirmActionDialog>
      )}
    </AdminPage.Main>
  );
};
