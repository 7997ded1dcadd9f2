import { Badge, Flex, Loader, Typography } from '@strapi/design-system';
import { ClockCounterClockwise, Pencil, Play, Server, Trash } from '@strapi/icons';
import { Table } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { RunView, ScheduleRule } from '../../scheduleTypes';
import { getTranslation } from '../../utils/getTranslation';
import { ListTable } from '../ListTable';
import { RowAction } from '../RowAction';
import { RunOutcomeBadge } from './RunOutcomeBadge';
import { useScheduleLabels, type RunOutcome } from './useScheduleLabels';

export interface ScheduleRow {
  documentId: string;
  name: string;
  enabled: boolean;
  schedule: ScheduleRule;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastRun: RunView<unknown> | null;
}

interface SchedulesTableProps<R extends ScheduleRow> {
  rows: R[];
  isLoading: boolean;
  /** "recurring-import" or "scheduled-export": the rows' test id. */
  testId: string;
  labels: { name: string; what: string; loading: string; empty: string };
  /** The source or the destination, under the name. */
  what: (row: R) => string;
  canRun: boolean;
  canManage: boolean;
  /** The row whose "Run now" or test is under way. */
  busy: string | null;
  emptyAction?: React.ReactNode;
  onRun: (row: R) => void;
  onTest: (row: R) => void;
  onRuns: (row: R) => void;
  onEdit: (row: R) => void;
  onDelete: (row: R) => void;
}

/** Recurring imports or scheduled exports: the schedule and the next run, enabled or not, the last run's outcome; run now, test, runs, edit, delete. */
export const SchedulesTable = <R extends ScheduleRow>(props: SchedulesTableProps<R>) => {
  const { rows, isLoading, testId, labels, what, canRun, canManage, busy, emptyAction } = props;
  const { formatMessage, formatDate } = useIntl();
  const words = useScheduleLabels();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const when = (at: string) => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  const headers = [
    { name: 'name', label: labels.name },
    { name: 'schedule', label: t('schedules.column.schedule', 'Schedule') },
    { name: 'enabled', label: t('schedules.column.enabled', 'Enabled') },
    { name: 'lastRun', label: t('schedules.column.lastRun', 'Last run') },
  ];

  return (
    <ListTable rows={rows} headers={headers} actionsLabel={t('schedules.column.actions', 'Actions')} isLoading={isLoading} loadingText={labels.loading} emptyContent={labels.empty} emptyAction={emptyAction}>
      {rows.map((r) => (
        <Table.Row key={r.documentId} data-testid={`${testId}-row`} data-name={r.name} data-enabled={String(r.enabled)} data-outcome={r.lastRun?.outcome ?? ''}>
          <Table.Cell>
            <Flex direction="column" alignItems="flex-start">
              <Typography fontWeight="semiBold" textColor="neutral800" ellipsis style={{ maxWidth: '16rem' }}>
                {r.name}
              </Typography>
              <Typography variant="pi" textColor="neutral600" ellipsis style={{ maxWidth: '16rem' }} title={what(r)}>
                {labels.what}: {what(r)}
              </Typography>
            </Flex>
          </Table.Cell>
          <Table.Cell>
            <Flex direction="column" alignItems="flex-start">
              <Typography textColor="neutral800">{words.schedule(r.schedule)}</Typography>
              {r.nextRunAt && (
                <Typography variant="pi" textColor="neutral600">
                  {t('schedules.nextRun', 'Next: {when}', { when: when(r.nextRunAt) })}
                </Typography>
              )}
            </Flex>
          </Table.Cell>
          <Table.Cell>
            <Badge variant={r.enabled ? 'success' : 'neutral'}>{r.enabled ? t('schedules.enabled', 'Enabled') : t('schedules.disabled', 'Disabled')}</Badge>
          </Table.Cell>
          <Table.Cell>
            {r.lastRun ? (
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <RunOutcomeBadge outcome={r.lastRun.outcome as RunOutcome} />
                {r.lastRun.startedAt && (
                  <Typography variant="pi" textColor="neutral600">
                    {when(r.lastRun.startedAt)}
                  </Typography>
                )}
                {r.lastRun.reason && (
                  <Typography variant="pi" textColor={r.lastRun.outcome === 'failed' ? 'danger600' : 'neutral600'} ellipsis style={{ maxWidth: '16rem' }} title={r.lastRun.reason}>
                    {r.lastRun.reason}
                  </Typography>
                )}
              </Flex>
            ) : (
              <Typography textColor="neutral500">{t('schedules.neverRun', 'Never run')}</Typography>
            )}
          </Table.Cell>
          <Table.Cell>
            <Flex gap={1} justifyContent="flex-end">
              {canRun && busy === r.documentId && <Loader small>{t('schedules.busy', 'Working…')}</Loader>}
              {canRun && busy !== r.documentId && (
                <>
                  <RowAction label={t('schedules.action.run', 'Run {name} now', { name: r.name })} onClick={() => props.onRun(r)} icon={<Play />} />
                  <RowAction label={t('schedules.action.test', 'Test the connection of {name}', { name: r.name })} onClick={() => props.onTest(r)} icon={<Server />} />
                </>
              )}
              <RowAction label={t('schedules.action.runs', 'Runs of {name}', { name: r.name })} onClick={() => props.onRuns(r)} icon={<ClockCounterClockwise />} />
              {canManage && (
                <>
                  <RowAction label={t('schedules.action.edit', 'Edit {name}', { name: r.name })} onClick={() => props.onEdit(r)} icon={<Pencil />} />
                  <RowAction label={t('schedules.action.delete', 'Delete {name}', { name: r.name })} onClick={() => props.onDelete(r)} icon={<Trash />} />
                </>
              )}
            </Flex>
          </Table.Cell>
        </Table.Row>
      ))}
    </ListTable>
  );
};
