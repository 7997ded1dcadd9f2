import { useState } from 'react';
import { Checkbox, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useHistoryChoices, type HistoryChoice } from '../../hooks/useHistoryChoices';
import { useRecurringImportApi } from '../../hooks/useScheduleApi';
import type { RecurringImportView } from '../../scheduleTypes';
import { getTranslation } from '../../utils/getTranslation';
import { NumberFieldInput } from '../field-inputs/NumberFieldInput';
import { TextFieldInput } from '../field-inputs/TextFieldInput';
import { FormModal } from '../FormModal';
import { ConnectionTest } from './ConnectionTest';
import { changedOnly, ruleOf, secretsPayload } from './scheduleModel';
import { ScheduleFields } from './ScheduleFields';
import { SourceFields } from './SourceFields';
import { sourceComplete, sourceForm, sourceOf, sourceSecrets } from './sourceModel';
import { useScheduleForm } from './useScheduleForm';

/** The server takes an import once started: its mapping is resolved and its new fields exist. */
const startedImport = (c: HistoryChoice) => c.status !== 'draft';

interface RecurringImportFormModalProps {
  /** Absent to create one. */
  saved?: RecurringImportView;
  onClose: () => void;
  onSaved: () => void;
}

/** Create a recurring import from an import of the history, or edit one: source, schedule, per-run cap, enabled. */
export const RecurringImportFormModal = ({ saved, onClose, onSaved }: RecurringImportFormModalProps) => {
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useRecurringImportApi();
  const form = useScheduleForm(saved);
  const { choices, isLoading } = useHistoryChoices('imports', startedImport, !!saved);
  const [fromImport, setFromImport] = useState('');
  const [name, setName] = useState(saved?.name ?? '');
  const [source, setSource] = useState(() => sourceForm(saved?.source, saved?.credentials));
  const [savedSource] = useState(() => (saved ? sourceOf(sourceForm(saved.source, saved.credentials)) : null));
  const [perRunCap, setPerRunCap] = useState<number | null>(saved?.perRunCap ?? null);
  const [allowResubscribe, setAllowResubscribe] = useState(saved?.allowResubscribe ?? false);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const credentials = () => secretsPayload(form.secrets, sourceSecrets(source), form.flags);
  const complete = sourceComplete(source, form.flags, form.typed);

  const submit = () =>
    form.saving(async () => {
      const body = {
        name: name.trim() || undefined,
        source: sourceOf(source),
        credentials: credentials(),
        schedule: ruleOf(form.schedule),
        perRunCap,
        enabled: form.enabled,
        allowResubscribe,
      };
      if (saved) {
        const { perRunCap: cap, ...rest } = body;
        // perRunCap null (no cap) is a value to send, not an absence.
        const changes = changedOnly(rest, { name: saved.name, source: savedSource, schedule: form.savedRule, enabled: saved.enabled, allowResubscribe: saved.allowResubscribe });
        await api.update(saved.documentId, cap === saved.perRunCap ? changes : { ...changes, perRunCap: cap });
      }
      else await api.create({ ...body, fromImport });
      toggleNotification({ type: 'success', message: saved ? t('recurring.saved', 'Recurring import saved') : t('recurring.created', 'Recurring import created') });
      onSaved();
    });

  const choiceLabel = (c: HistoryChoice) => (c.createdAt ? `${c.name} (${formatDate(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })})` : c.name);

  return (
    <FormModal
      title={saved ? t('recurring.form.editTitle', 'Edit {name}', { name: saved.name }) : t('recurring.form.createTitle', 'New recurring import')}
      confirmLabel={saved ? t('form.save', 'Save') : t('recurring.form.create', 'Create')}
      disabled={!complete || (!saved && !fromImport)}
      onSubmit={submit}
      onClose={onClose}
    >
      {saved ? (
        <Typography textColor="neutral600">
          {t('recurring.form.template', 'Mapping and options of the import {name}.', { name: saved.template?.name ?? '-' })}
        </Typography>
      ) : (
        <Field.Root name="fromImport" required error={form.errors.fromImport} hint={t('recurring.form.fromImport.hint', 'Its mapping and options are used by every run; the files must have its columns.')}>
          <Field.Label>{t('recurring.form.fromImport', 'From the import')}</Field.Label>
          <SingleSelect
            value={fromImport || undefined}
            placeholder={isLoading ? t('recurring.form.fromImport.loading', 'Loading the imports…') : choices.length ? t('recurring.form.fromImport.pick', 'Pick an import of the history') : t('recurring.form.fromImport.none', 'No import yet: import a file once first')}
            disabled={!choices.length}
            onChange={(v) => {
              setFromImport(String(v));
              if (!name) setName(choices.find((c) => c.documentId === v)?.name ?? '');
            }}
          >
            {choices.map((c) => (
              <SingleSelectOption key={c.documentId} value={c.documentId}>
                {choiceLabel(c)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      )}
      <TextFieldInput name="name" label={t('recurring.form.name', 'Name')} value={name} error={form.errors.name} onChange={setName} />
      <SourceFields value={source} onChange={setSource} secrets={form.secrets} onSecret={form.setSecret} flags={form.flags} errors={form.errors} />
      <ConnectionTest
        disabled={!complete}
        onTest={() => api.test(saved?.documentId ?? null, { source: sourceOf(source), credentials: credentials() })}
        pinned={source.kind === 'sftp' ? source.sftp.hostFingerprint : undefined}
        onPin={source.kind === 'sftp' ? (fp) => setSource((s) => ({ ...s, sftp: { ...s.sftp, hostFingerprint: fp } })) : undefined}
      />
      <ScheduleFields value={form.schedule} onChange={form.setSchedule} error={form.scheduleError} />
      <NumberFieldInput
        name="perRunCap"
        label={t('recurring.form.perRunCap', 'Rows per run at most')}
        hint={t('recurring.form.perRunCap.hint', 'Empty: the whole file. The rest waits for the next runs while the file is unchanged.')}
        integer
        value={perRunCap}
        error={form.errors.perRunCap}
        onChange={setPerRunCap}
      />
      <Flex direction="column" alignItems="flex-start" gap={2}>
        <Checkbox checked={form.enabled} onCheckedChange={(c) => form.setEnabled(c === true)}>
          {t('schedules.form.enabled', 'Enabled: runs on its schedule')}
        </Checkbox>
        <Checkbox checked={allowResubscribe} onCheckedChange={(c) => setAllowResubscribe(c === true)}>
          {t('recurring.form.allowResubscribe', 'Allow resubscribing: a file may turn an unsubscribed contact back to opted-in')}
        </Checkbox>
      </Flex>
    </FormModal>
  );
};
