import { useState } from 'react';
import type { SecretKey } from '../../../../shared/schedules';
import type { ScheduleRule, SecretFlags } from '../../scheduleTypes';
import { readApiError } from '../../utils/apiError';
import { isSecretSet, ruleOf, scheduleForm, secretsForm, secretsPayload, type ScheduleForm, type SecretsForm, type SecretState } from './scheduleModel';

/** What the source or destination inputs take besides their value: the write-only secrets and the server's field errors. */
export interface SecretFieldsProps {
  secrets: SecretsForm;
  onSecret: (key: SecretKey, state: SecretState) => void;
  flags?: SecretFlags;
  errors: Record<string, string>;
}

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
  const flags = saved?.credentials;
  const onSecret = (key: SecretKey, state: SecretState) => setSecrets((s) => ({ ...s, [key]: state }));
  /** The secret is typed here or stored already. */
  const has = (key: SecretKey) => (secrets[key].replace && !!secrets[key].value) || isSecretSet(flags, key);
  /** The secrets to send for a login that uses `used`. */
  const credentials = (used: SecretKey[]) => secretsPayload(secrets, used, flags);
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
  const secretFields: SecretFieldsProps = { secrets, onSecret, flags, errors };
  return { schedule, setSchedule, savedRule, enabled, setEnabled, has, credentials, errors, saving, scheduleError, secretFields };
};

export type ScheduleFormState = ReturnType<typeof useScheduleForm>;
