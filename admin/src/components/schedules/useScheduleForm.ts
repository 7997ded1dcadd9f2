import { useState } from 'react';
import type { SecretKey } from '../../../../shared/schedules';
import type { SecretFlags } from '../../scheduleTypes';
import { readApiError } from '../../utils/apiError';
import { ruleOf, scheduleForm, secretsForm, type ScheduleForm, type SecretState } from './scheduleModel';
import type { ScheduleRule } from '../../scheduleTypes';

/**
 * The parts both forms share: the schedule, the enabled switch, the write-only
 * secrets, and the server's field errors (kept beside the inputs; the message
 * itself is notified by the modal).
 */
export const useScheduleForm = (saved?: { schedule: ScheduleRule; enabled: boolean; credentials: SecretFlags }) => {
  const [schedule, setSchedule] = useState<ScheduleForm>(() => scheduleForm(saved?.schedule));
  // The saved rule as the form would send it, so an edit can tell whether it changed.
  const [savedRule] = useState(() => (saved ? ruleOf(scheduleForm(saved.schedule)) : null));
  const [enabled, setEnabled] = useState(saved?.enabled ?? true);
  const [secrets, setSecrets] = useState(() => secretsForm(saved?.credentials));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setSecret = (key: SecretKey, state: SecretState) => setSecrets((s) => ({ ...s, [key]: state }));
  const typed = (key: SecretKey) => secrets[key].replace && !!secrets[key].value;
  /** Runs the save; a refusal keeps its field errors for the inputs and is thrown on for the notification. */
  const saving = async (save: () => Promise<void>) => {
    setErrors({});
    try {
      await save();
    } catch (error) {
      setErrors(readApiError(error).fieldErrors);
      throw error;
    }
  };
  const scheduleError = Object.entries(errors).find(([path]) => path === 'schedule' || path.startsWith('schedule.'))?.[1];
  return { schedule, setSchedule, savedRule, enabled, setEnabled, secrets, setSecret, typed, errors, saving, scheduleError, flags: saved?.credentials };
};
