import { Button, Flex, Modal, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { usePolledPagedList } from '../../hooks/usePolledPagedList';
import type { Page } from '../../hooks/usePagedList';
import type { RunView } from '../../scheduleTypes';
import { getTranslation } from '../../utils/getTranslation';
import { isOpenRun, RunOutcomeBadge } from './RunOutcomeBadge';
import { useScheduleLabels, type RunOutcome } from './useScheduleLabels';

/** The newest runs shown; older ones stay in the API (GET …/runs?page=2). */
export const RUNS_SHOWN = '20';

interface RunsModalProps<J> {
  title: string;
  /** Identifies what is listed (the list is read again when it changes). */
  listKey: string;
  load: () => Promise<Page<RunView<J>>>;
  /** The run's import or export: a link, a download. */
  renderJob: (run: RunView<J>) => React.ReactNode;
  /** What the run took or made (rows, counters), under its outcome. */
  renderWhat?: (run: RunView<J>) => React.ReactNode;
  onClose: () => void;
}

/** The last runs of a recurring import or a scheduled export: when, why, the outcome and its reason, the job it made; live while one runs. */
export const RunsModal = <J,>({ title, listKey, load, renderJob, renderWhat, onClose }: RunsModalProps<J>) => {
  const { formatMessage, formatDate } = useIntl();
  const labels = useScheduleLabels();
  const { rows, isLoading } = usePolledPagedList(listKey, load, isOpenRun);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const close = t('schedules.runs.close', 'Close');
  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content style={{ maxWidth: '90rem', width: '90vw' }}>
        <Modal.Header closeLabel={close}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {!isLoading && rows.length === 0 ? (
            <Typography textColor="neutral600">{t('schedules.runs.empty', 'No run yet: use Run now, or wait for the schedule.')}</Typography>
          ) : (
            <Table colCount={4} rowCount={rows.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('schedules.runs.when', 'When')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('schedules.runs.outcome', 'Outcome')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('schedules.runs.reason', 'Details')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('schedules.runs.job', 'Made')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((run) => (
                  <Tr key={run.id} data-testid="run-row" data-outcome={run.outcome}>
                    <Td>
                      <Flex direction="column" alignItems="flex-start">
                        <Typography textColor="neutral800">{run.startedAt ? formatDate(run.startedAt, { dateStyle: 'medium', timeStyle: 'medium' }) : '-'}</Typography>
                        <Typography variant="pi" textColor="neutral600">
                          {labels.trigger(run.trigger)}
                        </Typography>
                      </Flex>
                    </Td>
                    <Td>
                      <RunOutcomeBadge outcome={run.outcome as RunOutcome} />
                    </Td>
                    <Td>
                      <Flex direction="column" alignItems="flex-start" gap={1} style={{ maxWidth: '36rem', whiteSpace: 'normal' }}>
                        {renderWhat?.(run)}
                        {run.reason && (
                          <Typography variant="pi" textColor={run.outcome === 'failed' ? 'danger600' : 'neutral600'} data-testid="run-reason">
                            {run.reason}
                          </Typography>
                        )}
                      </Flex>
                    </Td>
                    <Td>{run.job ? renderJob(run) : <Typography textColor="neutral500">-</Typography>}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{close}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
