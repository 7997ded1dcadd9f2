import { useState } from 'react';
import { Checkbox } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { RecurringImportApi } from '../../hooks/useScheduleApi';
import type { RecurringImportView } from '../../scheduleTypes';
import { getTranslation } from '../../utils/getTranslation';
import { NumberFieldInput } from '../field-inputs/NumberFieldInput';
import { ConnectionTest } from './ConnectionTest';
import { ScheduleFormModal, type ScheduleFormProps } from './ScheduleFormModal';
import { RECURRING_IMPORTS } from './scheduleKinds';
import { SourceFields } from './SourceFields';
import { sourceComplete, sourceForm, sourceOf, sourceSecrets } from './sourceModel';
import { useScheduleForm } from './useScheduleForm';

/** A recurring import's form: where the file is read (HTTPS or SFTP) and its connection test, the rows per run, resubscribing. */
export const RecurringImportFormModal = (props: ScheduleFormProps<RecurringImportView, RecurringImportApi>) => {
  const { saved, api } = props;
  const { formatMessage } = useIntl();
  const form = useScheduleForm(saved);
  const [source, setSource] = useState(() => sourceForm(saved?.source, saved?.credentials));
  const [perRunCap, setPerRunCap] = useState<number | null>(saved?.perRunCap ?? null);
  const [allowResubscribe, setAllowResubscribe] = useState(saved?.allowResubscribe ?? false);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const credentials = () => form.credentials(sourceSecrets(source));
  const complete = sourceComplete(source, form.has);

  return (
    <ScheduleFormModal
      {...props}
      kind={RECURRING_IMPORTS}
      form={form}
      values={() => ({ source: sourceOf(source), credentials: credentials(), perRunCap, allowResubscribe })}
      savedValues={saved ? { source: sourceOf(sourceForm(saved.source, saved.credentials)), perRunCap: saved.perRunCap, allowResubscribe: saved.allowResubscribe } : undefined}
      savedNote={t('recurring.form.template', 'Mapping and options of the import {name}.', { name: saved?.template?.name ?? '-' })}
      complete={complete}
      options={
        <NumberFieldInput
          name="perRunCap"
          label={t('recurring.form.perRunCap', 'Rows per run at most')}
          hint={t('recurring.form.perRunCap.hint', 'Empty: the whole file. The rest waits for the next runs while the file is unchanged.')}
          integer
          value={perRunCap}
          error={form.errors.perRunCap}
          onChange={setPerRunCap}
        />
      }
      switches={
        <Checkbox checked={allowResubscribe} onCheckedChange={(c) => setAllowResubscribe(c === true)}>
          {t('recurring.form.allowResubscribe', 'Allow resubscribing: a file may turn an unsubscribed contact back to opted-in')}
        </Checkbox>
      }
    >
      <SourceFields value={source} onChange={setSource} {...form.secretFields} />
      <ConnectionTest
        disabled={!complete}
        onTest={() => api.test(saved?.documentId ?? null, { source: sourceOf(source), credentials: credentials() })}
        pinned={source.kind === 'sftp' ? source.sftp.hostFingerprint : undefined}
        onPin={source.kind === 'sftp' ? (fp) => setSource((s) => ({ ...s, sftp: { ...s.sftp, hostFingerprint: fp } })) : undefined}
      />
    </ScheduleFormModal>
  );
};
