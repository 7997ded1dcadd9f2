import { useState } from 'react';
import { Checkbox, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useHistoryChoices, type HistoryChoice } from '../../hooks/useHistoryChoices';
import type { ScheduleRule } from '../../scheduleTypes';
import { getTranslation } from '../../utils/getTranslation';
import { TextFieldInput } from '../field-inputs/TextFieldInput';
import { FormModal } from '../FormModal';
import { changedOnly, ruleOf } from './scheduleModel';
import { ScheduleFields } from './ScheduleFields';
import type { FormWord, ScheduleFormKind } from './scheduleKinds';
import type { ScheduleFormState } from './useScheduleForm';

/** What every kind's API body holds besides its own values. */
type CommonValues = { name: string | undefined; schedule: ScheduleRule; enabled: boolean };

/** What a kind's form takes from its page. */
export interface ScheduleFormProps<V, A> {
  /** Absent to create one. */
  saved?: V;
  /** The page's API of the kind. */
  api: A;
  onClose: () => void;
  onSaved: () => void;
}

interface ScheduleFormModalProps<P extends Record<string, unknown>, K extends string> {
  kind: ScheduleFormKind<K>;
  saved?: { documentId: string; name: string; enabled: boolean };
  form: ScheduleFormState;
  api: {
    create: (input: CommonValues & P & Record<K, string>) => Promise<unknown>;
    update: (documentId: string, input: Partial<CommonValues & P>) => Promise<unknown>;
  };
  /** The kind's own values as the API takes them (source or destination, credentials, options). */
  values: () => P;
  /** Those values as saved, so an edit sends only what changed. */
  savedValues?: { [K in keyof P]?: unknown };
  /** What an edit shows in place of the pick: what each run repeats. */
  savedNote: string;
  /** The kind's values are enough to save. */
  complete: boolean;
  /** The source or destination part, under the name. */
  children: React.ReactNode;
  /** Under the schedule. */
  options?: React.ReactNode;
  /** Beside the enabled switch. */
  switches?: React.ReactNode;
  onClose: () => void;
  onSaved: () => void;
}

/** Create a recurring import or a scheduled export from an entry of the history, or edit one: what the kind gives, the name, the schedule, enabled. */
export const ScheduleFormModal = <P extends Record<string, unknown>, K extends string>(props: ScheduleFormModalProps<P, K>) => {
  const { kind, saved, form, api, savedNote, complete, onSaved } = props;
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const { choices, isLoading } = useHistoryChoices(kind.history, kind.usable, !!saved);
  const [from, setFrom] = useState('');
  const [name, setName] = useState(saved?.name ?? '');
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const w = (word: FormWord<K>, values?: Record<string, unknown>) => t(`${kind.prefix}.${word}`, kind.words[word], values);

  const submit = () =>
    form.saving(async () => {
      const body: CommonValues & P = { ...props.values(), name: name.trim() || undefined, schedule: ruleOf(form.schedule), enabled: form.enabled };
      if (saved) await api.update(saved.documentId, changedOnly(body, { ...props.savedValues, name: saved.name, schedule: form.savedRule, enabled: saved.enabled }));
      // TypeScript types a computed key as any string; it is K.
      else await api.create({ ...body, ...({ [kind.fromField]: from } as Record<K, string>) });
      toggleNotification({ type: 'success', message: w(saved ? 'saved' : 'created') });
      onSaved();
    });

  const choiceLabel = (c: HistoryChoice) => (c.createdAt ? `${c.name} (${formatDate(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })})` : c.name);

  return (
    <FormModal
      title={saved ? w('form.editTitle', { name: saved.name }) : w('form.createTitle')}
      confirmLabel={saved ? t('form.save', 'Save') : w('form.create')}
      disabled={!complete || (!saved && !from)}
      onSubmit={submit}
      onClose={props.onClose}
    >
      {saved ? (
        <Typography textColor="neutral600">{savedNote}</Typography>
      ) : (
        <Field.Root name={kind.fromField} required error={form.errors[kind.fromField]} hint={w(`form.${kind.fromField}.hint`)}>
          <Field.Label>{w(`form.${kind.fromField}`)}</Field.Label>
          <SingleSelect
            value={from || undefined}
            placeholder={w(`form.${kind.fromField}.${isLoading ? 'loading' : choices.length ? 'pick' : 'none'}`)}
            disabled={!choices.length}
            onChange={(v) => {
              setFrom(String(v));
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
      <TextFieldInput name="name" label={w('form.name')} value={name} error={form.errors.name} onChange={setName} />
      {props.children}
      <ScheduleFields value={form.schedule} onChange={form.setSchedule} error={form.scheduleError} />
      {props.options}
      <Flex direction="column" alignItems="flex-start" gap={2}>
        <Checkbox checked={form.enabled} onCheckedChange={(c) => form.setEnabled(c === true)}>
          {t('schedules.form.enabled', 'Enabled: runs on its schedule')}
        </Checkbox>
        {props.switches}
      </Flex>
    </FormModal>
  );
};
