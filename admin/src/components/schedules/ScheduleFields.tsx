import { useMemo } from 'react';
import { Field, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { EVERY_MINUTES_MAX, EVERY_MINUTES_MIN, type ScheduleKind } from '../../../../shared/schedules';
import { getTranslation } from '../../utils/getTranslation';
import { timeZoneOptions } from '../../utils/timeZones';
import { NumberFieldInput } from '../field-inputs/NumberFieldInput';
import { TextFieldInput } from '../field-inputs/TextFieldInput';
import { FormItem } from '../FormItem';
import { SCHEDULE_KINDS, type ScheduleForm } from './scheduleModel';
import { useScheduleLabels } from './useScheduleLabels';

interface ScheduleFieldsProps {
  value: ScheduleForm;
  onChange: (value: ScheduleForm) => void;
  /** The server's message about the schedule (it checks the cron expression and the zone). */
  error?: string;
}

/** How often: every N minutes (aligned on the clock), daily at HH:MM or a cron expression, the last two in a time zone. */
export const ScheduleFields = ({ value, onChange, error }: ScheduleFieldsProps) => {
  const { formatMessage, locale } = useIntl();
  const labels = useScheduleLabels();
  const zones = useMemo(() => timeZoneOptions(locale, value.timezone), [locale, value.timezone]);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const set = <K extends keyof ScheduleForm>(key: K, v: ScheduleForm[K]) => onChange({ ...value, [key]: v });
  return (
    <Grid.Root gap={4}>
      <FormItem>
        <Field.Root name="schedule.kind" required>
          <Field.Label>{t('schedules.schedule', 'Schedule')}</Field.Label>
          <SingleSelect value={value.kind} onChange={(v) => set('kind', v as ScheduleKind)}>
            {SCHEDULE_KINDS.map((k) => (
              <SingleSelectOption key={k} value={k}>
                {labels.kind(k)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </FormItem>
      <FormItem>
        {value.kind === 'everyMinutes' && (
          <NumberFieldInput
            name="schedule.everyMinutes"
            label={t('schedules.everyMinutes', 'Minutes between runs')}
            hint={t('schedules.everyMinutes.hint', 'From {min} to {max}; aligned on the clock (every 30: at :00 and :30)', { min: EVERY_MINUTES_MIN, max: EVERY_MINUTES_MAX })}
            integer
            required
            value={value.everyMinutes}
            error={error}
            onChange={(v) => set('everyMinutes', v)}
          />
        )}
        {value.kind === 'dailyAt' && (
          <TextFieldInput name="schedule.dailyAt" label={t('schedules.dailyAt', 'Time (HH:MM, 24 h)')} required placeholder="06:30" value={value.dailyAt} error={error} onChange={(v) => set('dailyAt', v)} />
        )}
        {value.kind === 'cron' && (
          <TextFieldInput
            name="schedule.cron"
            label={t('schedules.cron', 'Cron expression')}
            hint={t('schedules.cron.hint', 'Five fields: minute hour day-of-month month day-of-week, e.g. 0 6 * * 1-5')}
            required
            placeholder="0 6 * * 1-5"
            value={value.cron}
            error={error}
            onChange={(v) => set('cron', v)}
          />
        )}
      </FormItem>
      {value.kind !== 'everyMinutes' && (
        <FormItem>
          <Field.Root name="schedule.timezone">
            <Field.Label>{t('schedules.timezone', 'Time zone')}</Field.Label>
            <SingleSelect value={value.timezone} onChange={(v) => set('timezone', String(v))}>
              {zones.map((z) => (
                <SingleSelectOption key={z.zone} value={z.zone}>
                  {z.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </FormItem>
      )}
    </Grid.Root>
  );
};
