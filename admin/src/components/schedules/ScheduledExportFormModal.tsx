import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { DestinationKind } from '../../../../shared/schedules';
import type { ScheduledExportApi } from '../../hooks/useScheduleApi';
import type { Destination, ScheduledExportView } from '../../scheduleTypes';
import { getTranslation } from '../../utils/getTranslation';
import { TextFieldInput } from '../field-inputs/TextFieldInput';
import { RadioField } from '../RadioField';
import { ConnectionTest } from './ConnectionTest';
import { sftpComplete, sftpConnection, sftpForm, sftpSecrets } from './scheduleModel';
import { ScheduleFormModal, type ScheduleFormProps } from './ScheduleFormModal';
import { SCHEDULED_EXPORTS } from './scheduleKinds';
import { SftpFields } from './SftpFields';
import { useScheduleForm } from './useScheduleForm';

/** A scheduled export's form: where its files go (the history, or an SFTP directory with a connection test). */
export const ScheduledExportFormModal = (props: ScheduleFormProps<ScheduledExportView, ScheduledExportApi>) => {
  const { saved, api } = props;
  const { formatMessage } = useIntl();
  const form = useScheduleForm(saved);
  const savedSftp = saved?.destination.kind === 'sftp' ? saved.destination : null;
  const [kind, setKind] = useState<DestinationKind>(saved?.destination.kind ?? 'history');
  const [sftp, setSftp] = useState(() => sftpForm(savedSftp, saved?.credentials));
  const [directory, setDirectory] = useState(savedSftp?.directory ?? '');
  const [fileName, setFileName] = useState(savedSftp?.fileName ?? '');
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  const destination = (): Destination =>
    kind === 'sftp' ? { kind: 'sftp', ...sftpConnection(sftp), directory: directory.trim(), fileName: fileName.trim() || null } : { kind: 'history' };
  const [savedDestination] = useState(() => (saved ? destination() : null));
  const credentials = () => form.credentials(kind === 'sftp' ? sftpSecrets(sftp.auth) : []);
  const complete = kind === 'history' || (sftpComplete(sftp, form.has) && !!directory.trim());

  return (
    <ScheduleFormModal
      {...props}
      kind={SCHEDULED_EXPORTS}
      form={form}
      values={() => ({ destination: destination(), credentials: credentials() })}
      savedValues={{ destination: savedDestination }}
      savedNote={t('scheduled.form.request', 'Each run repeats the export it was made from (its contacts, fields and format).')}
      complete={complete}
    >
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
          <SftpFields value={sftp} onChange={setSftp} {...form.secretFields} path="destination" />
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
    </ScheduleFormModal>
  );
};
