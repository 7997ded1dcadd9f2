import { useState } from 'react';
import { Checkbox, Field, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { DestinationKind } from '../../../../shared/schedules';
import { useHistoryChoices, type HistoryChoice } from '../../hooks/useHistoryChoices';
import { useScheduledExportApi } from '../../hooks/useScheduleApi';
import type { Destination, ScheduledExportView } from '../../scheduleTypes';
import { getTranslation } from '../../utils/getTranslation';
import { TextFieldInput } from '../field-inputs/TextFieldInput';
import { FormModal } from '../FormModal';
import { RadioField } from '../RadioField';
import { ConnectionTest } from './ConnectionTest';
import { changedOnly, isSecretSet, ruleOf, secretsPayload, sftpConnection, sftpForm, sftpSecrets } from './scheduleModel';
import { ScheduleFields } from './ScheduleFields';
import { SftpFields } from './SftpFields';
import { useScheduleForm } from './useScheduleForm';

/** Any export of the history: only its request (scope, fields, format) is repeated. */
const anyExport = () => true;

interface ScheduledExportFormModalProps {
  saved?: ScheduledExportView;
  onClose: () => void;
  onSaved: () => void;
}

/** Create a scheduled export from an export of the history, or edit one: destination (SFTP or the history), schedule, enabled. */
export const ScheduledExportFormModal = ({ saved, onClose, onSaved }: ScheduledExportFormModalProps) => {
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useScheduledExportApi();
  const form = useScheduleForm(saved);
  const { choices, isLoading } = useHistoryChoices('exports', anyExport, !!saved);
  const savedSftp = saved?.destination.kind === 'sftp' ? saved.destination : null;
  const [fromExport, setFromExport] = useState('');
  const [name, setName] = useState(saved?.name ?? '');
  const [kind, setKind] = useState<DestinationKind>(saved?.destination.kind ?? 'history');
  const [sftp, setSftp] = useState(() => sftpForm(savedSftp, saved?.credentials));
  const [directory, setDirectory] = useState(savedSftp?.directory ?? '');
  const [fileName, setFileName] = useState(savedSftp?.fileName ?? '');
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const destination = (): Destination =>
    kind === 'sftp' ? { kind: 'sftp', ...sftpConnection(sftp), directory: directory.trim(), fileName: fileName.trim() || null } : { kind: 'history' };
  const [savedDestination] = useState(() => (saved ? destination() : null));
  const credentials = () => secretsPayload(form.secrets, kind === 'sftp' ? sftpSecrets(sftp.auth) : [], form.flags);
  const secret = sftp.auth === 'key' ? 'privateKey' : 'password';
  const complete = kind === 'history' || (!!sftp.host.trim() && !!sftp.username.trim() && !!directory.trim() && (form.typed(secret) || isSecretSet(form.flags, secret)));

  const submit = () =>
    form.saving(async () => {
      const body = { name: name.trim() || undefined, destination: destination(), credentials: credentials(), schedule: ruleOf(form.schedule), enabled: form.enabled };
      if (saved) await api.update(saved.documentId, changedOnly(body, { name: saved.name, destination: savedDestination, schedule: form.savedRule, enabled: saved.enabled }));
      else await api.create({ ...body, fromExport });
      toggleNotification({ type: 'success', message: saved ? t('scheduled.saved', 'Scheduled export saved') : t('scheduled.created', 'Scheduled export created') });
      onSaved();
    });

  const choiceLabel = (c: HistoryChoice) => (c.createdAt ? `${c.name} (${formatDate(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })})` : c.name);

  return (
    <FormModal
      title={saved ? t('scheduled.form.editTitle', 'Edit {name}', { name: saved.name }) : t('scheduled.form.createTitle', 'New scheduled export')}
      confirmLabel={saved ? t('form.save', 'Save') : t('scheduled.form.create', 'Create')}
      disabled={!complete || (!saved && !fromExport)}
      onSubmit={submit}
      onClose={onClose}
    >
      {saved ? (
        <Typography textColor="neutral600">{t('scheduled.form.request', 'Each run repeats the export it was made from (its contacts, fields and format).')}</Typography>
      ) : (
        <Field.Root name="fromExport" required error={form.errors.fromExport} hint={t('scheduled.form.fromExport.hint', 'Its contacts, fields and format are exported again on each run.')}>
          <Field.Label>{t('scheduled.form.fromExport', 'From the export')}</Field.Label>
          <SingleSelect
            value={fromExport || undefined}
            placeholder={isLoading ? t('scheduled.form.fromExport.loading', 'Loading the exports…') : choices.length ? t('scheduled.form.fromExport.pick', 'Pick an export of the history') : t('scheduled.form.fromExport.none', 'No export yet: export once first')}
            disabled={!choices.length}
            onChange={(v) => {
              setFromExport(String(v));
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
      <TextFieldInput name="name" label={t('scheduled.form.name', 'Name')} value={name} error={form.errors.name} onChange={setName} />
      <RadioField<DestinationKind>
        name="destination.kind"
        label={t('scheduled.form.destination', 'Deliver to')}
        inline
        value={kind}
        onChange={setKind}
        choices={[
          { value: 'history', label: t('scheduled.form.destination.history', 'The exports history only') },
          { value: 'sftp', label: t('scheduled.form.destination.sftp', 'An SFTP server') },
        ]}
      />
      {kind === 'sftp' && (
        <>
          <SftpFields value={sftp} onChange={setSftp} secrets={form.secrets} onSecret={form.setSecret} flags={form.flags} errors={form.errors} path="destination" />
          <TextFieldInput name="destination.directory" label={t('scheduled.form.directory', 'Directory')} required placeholder="/incoming" value={directory} error={form.errors['destination.directory']} onChange={setDirectory} />
          <TextFieldInput
            name="destination.fileName"
            label={t('scheduled.form.fileName', 'File name')}
            hint={t('scheduled.form.fileName.hint', "Tokens '{name}' '{date}' '{datetime}' '{ext}'; empty: '{name}-{datetime}.{ext}'")}
            placeholder="{name}-{datetime}.{ext}"
            value={fileName}
            error={form.errors['destination.fileName']}
            onChange={setFileName}
          />
          <ConnectionTest
            disabled={!complete}
            onTest={() => api.test(saved?.documentId ?? null, { destination: destination(), credentials: credentials() })}
            pinned={sftp.hostFingerprint}
            onPin={(fp) => setSftp((s) => ({ ...s, hostFingerprint: fp }))}
          />
        </>
      )}
      <ScheduleFields value={form.schedule} onChange={form.setSchedule} error={form.scheduleError} />
      <Checkbox checked={form.enabled} onCheckedChange={(c) => form.setEnabled(c === true)}>
        {t('schedules.form.enabled', 'Enabled: runs on its schedule')}
      </Checkbox>
    </FormModal>
  );
};
