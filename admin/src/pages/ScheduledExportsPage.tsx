import { Flex, Link as DSLink, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { ExportStatus } from '../../../shared/constants';
import { ExportStatusBadge } from '../components/exports/ExportStatusBadge';
import { RowAction } from '../components/RowAction';
import { ScheduledExportFormModal } from '../components/schedules/ScheduledExportFormModal';
import { SCHEDULED_EXPORTS } from '../components/schedules/scheduleKinds';
import { SchedulesPage } from '../components/schedules/SchedulesPage';
import { useScheduleLabels } from '../components/schedules/useScheduleLabels';
import { useApiErrorNotification } from '../hooks/useApiErrorNotification';
import { useExportApi } from '../hooks/useExportApi';
import { useExportPermissions } from '../hooks/useExportPermissions';
import { useScheduledExportApi } from '../hooks/useScheduleApi';
import type { RunExportJob, RunView, ScheduledExportView } from '../scheduleTypes';
import { getTranslation } from '../utils/getTranslation';
import { EXPORTS_PATH } from '../utils/paths';

/** Scheduled exports: an earlier export repeated on a schedule, delivered to SFTP or kept in the history; each run an export of the history. */
export const ScheduledExportsPage = () => {
  const { formatMessage } = useIntl();
  const notifyError = useApiErrorNotification();
  const permissions = useExportPermissions();
  const api = useScheduledExportApi();
  const exportsApi = useExportApi();
  const labels = useScheduleLabels();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const runJob = (run: RunView<RunExportJob>, of: ScheduledExportView) => {
    const job = run.job!;
    return (
      <Flex gap={2} alignItems="flex-start">
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <DSLink tag={Link} to={EXPORTS_PATH}>
            {job.name}
          </DSLink>
          <ExportStatusBadge status={job.status as ExportStatus} />
        </Flex>
        {job.status === 'done' && (
          <RowAction
            label={t('exports.action.download', 'Download {name}', { name: job.name })}
            icon={<Download />}
            onClick={() => exportsApi.download({ documentId: job.documentId, name: job.name, format: of.request.format }).catch(notifyError)}
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

  return <SchedulesPage kind={SCHEDULED_EXPORTS} permissions={permissions} api={api} what={(r) => labels.destination(r.destination)} renderJob={runJob} renderWhat={runWhat} Form={ScheduledExportFormModal} />;
};
