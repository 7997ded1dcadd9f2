import { useState } from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useApiErrorNotification } from '../../hooks/useApiErrorNotification';
import type { ConnectionReport, RunView } from '../../scheduleTypes';
import { getTranslation } from '../../utils/getTranslation';

export interface ScheduleActionsApi {
  run: (documentId: string) => Promise<RunView<unknown>>;
  test: (documentId: string | null) => Promise<ConnectionReport>;
}

/** "Run now" and "Test connection" from a list row, one at a time, each answered by a notification. */
export const useScheduleActions = (api: ScheduleActionsApi, reload: () => void) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useApiErrorNotification();
  const [busy, setBusy] = useState<string | null>(null);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const guarded = (action: (row: { documentId: string; name: string }) => Promise<void>) => async (row: { documentId: string; name: string }) => {
    if (busy) return;
    setBusy(row.documentId);
    try {
      await action(row);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  return {
    busy,
    run: guarded(async (row) => {
      const run = await api.run(row.documentId);
      reload();
      if (run.outcome === 'failed') toggleNotification({ type: 'danger', message: t('schedules.run.failed', '{name}: the run failed. {reason}', { name: row.name, reason: run.reason ?? '' }) });
      else if (run.outcome.startsWith('skipped')) toggleNotification({ type: 'info', message: t('schedules.run.skipped', '{name}: nothing to do. {reason}', { name: row.name, reason: run.reason ?? '' }) });
      else toggleNotification({ type: 'success', message: t('schedules.run.started', '{name}: run started', { name: row.name }) });
    }),
    test: guarded(async (row) => {
      const report = await api.test(row.documentId);
      if (report.ok) {
        const file = report.file?.origin || report.file?.name;
        toggleNotification({
          type: 'success',
          message: file ? t('schedules.test.okFile', '{name}: the connection works; a run would read {file}', { name: row.name, file }) : t('schedules.test.okPlain', '{name}: the connection works', { name: row.name }),
        });
      } else toggleNotification({ type: 'danger', message: t('schedules.test.failedRow', '{name}: the connection failed. {error}', { name: row.name, error: report.error ?? '' }) });
    }),
  };
};
