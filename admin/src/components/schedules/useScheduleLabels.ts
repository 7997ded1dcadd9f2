import { useIntl } from 'react-intl';
import type { ExportRunOutcome, RecurringRunOutcome, RunTrigger, ScheduleKind, ScheduleRule } from '../../../../shared/schedules';
import type { Destination, SourceDefinition } from '../../scheduleTypes';
import { getTranslation } from '../../utils/getTranslation';
import { sftpUrl } from './scheduleModel';

export type RunOutcome = RecurringRunOutcome | ExportRunOutcome;

const OUTCOMES: Record<RunOutcome, string> = {
  running: 'Running',
  imported: 'Imported',
  'skipped-unchanged': 'Skipped: unchanged',
  'skipped-busy': 'Skipped: busy',
  delivering: 'Delivering',
  delivered: 'Delivered',
  done: 'Done',
  failed: 'Failed',
};

const KINDS: Record<ScheduleKind, string> = { everyMinutes: 'Every N minutes', dailyAt: 'Daily at', cron: 'Cron expression' };

/** The words of schedules, sources, destinations and runs. */
export const useScheduleLabels = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  return {
    kind: (k: ScheduleKind) => t(`schedules.kind.${k}`, KINDS[k]),
    schedule: (rule: ScheduleRule | null | undefined) => {
      if (!rule) return '-';
      if ('everyMinutes' in rule) return t('schedules.describe.everyMinutes', '{n, plural, one {Every minute} other {Every # minutes}}', { n: rule.everyMinutes });
      const zone = rule.timezone || 'UTC';
      if ('dailyAt' in rule) return t('schedules.describe.dailyAt', 'Daily at {time} ({zone})', { time: rule.dailyAt, zone });
      return t('schedules.describe.cron', 'Cron {cron} ({zone})', { cron: rule.cron, zone });
    },
    outcome: (o: RunOutcome) => t(`schedules.outcome.${o}`, OUTCOMES[o] ?? o),
    trigger: (tr: RunTrigger) => (tr === 'manual' ? t('schedules.trigger.manual', 'Run now') : t('schedules.trigger.schedule', 'Schedule')),
    source: (s: SourceDefinition) => (s.kind === 'url' ? s.url : sftpUrl(s, s.path)),
    destination: (d: Destination) => (d.kind === 'sftp' ? sftpUrl(d, d.directory) : t('schedules.destination.history', 'Exports history only')),
  };
};
