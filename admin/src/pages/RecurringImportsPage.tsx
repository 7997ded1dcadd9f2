import { Flex, Link as DSLink, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { ImportStatus } from '../../../shared/constants';
import { ImportStatusBadge } from '../components/imports/ImportStatusBadge';
import { RecurringImportFormModal } from '../components/schedules/RecurringImportFormModal';
import { RECURRING_IMPORTS } from '../components/schedules/scheduleKinds';
import { SchedulesPage } from '../components/schedules/SchedulesPage';
import { useScheduleLabels } from '../components/schedules/useScheduleLabels';
import { useImportPermissions } from '../hooks/useImportPermissions';
import { useRecurringImportApi } from '../hooks/useScheduleApi';
import type { RecurringImportView, RunImportJob, RunView } from '../scheduleTypes';
import { getTranslation } from '../utils/getTranslation';
import { importPath } from '../utils/paths';

/** Recurring imports: a file fetched on a schedule (HTTPS or SFTP) and imported with an earlier import's mapping; each run an import of the history. */
export const RecurringImportsPage = () => {
  const { formatMessage, formatNumber } = useIntl();
  const permissions = useImportPermissions();
  const api = useRecurringImportApi();
  const labels = useScheduleLabels();

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
        {formatMessage(
          { id: getTranslation('recurring.runs.counters'), defaultMessage: '{created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped, {failed} failed' },
          { created: formatNumber(c.created), updated: formatNumber(c.updated), unchanged: formatNumber(c.unchanged), skipped: formatNumber(c.skipped), failed: formatNumber(c.failed) },
        )}
      </Typography>
    );
  };

  return <SchedulesPage kind={RECURRING_IMPORTS} permissions={permissions} api={api} what={(r) => labels.source(r.source)} renderJob={runJob} renderWhat={runWhat} Form={RecurringImportFormModal} />;
};
