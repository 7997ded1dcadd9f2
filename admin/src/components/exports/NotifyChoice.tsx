import { Checkbox, Field, MultiSelect, MultiSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useNotifyUsers } from '../../hooks/useNotifyUsers';
import { getTranslation } from '../../utils/getTranslation';
import { personName } from '../../utils/importFormat';

interface NotifyChoiceProps {
  /** null: the server's default (the person who asks). */
  value: number[] | null;
  onChange: (ids: number[] | null) => void;
}

/**
 * Who is e-mailed when the file is ready. With the right to list admin users,
 * any of them (the person first); without it, the person alone, or nobody.
 * The server sends it only when an e-mail provider is configured.
 */
export const NotifyChoice = ({ value, onChange }: NotifyChoiceProps) => {
  const { formatMessage } = useIntl();
  const { self, users } = useNotifyUsers();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const label = t('exports.notify', 'E-mail when the file is ready');
  const hint = t('exports.notify.hint', 'Sent when the server has an e-mail provider; the notification here comes anyway.');
  const selfId = self?.id;

  if (!users) {
    return (
      <Field.Root name="notify" hint={hint}>
        <Field.Label>{label}</Field.Label>
        <Checkbox checked={value === null || value.length > 0} onCheckedChange={(c) => onChange(c === true ? null : [])}>
          {t('exports.notify.me', 'E-mail me ({email})', { email: self?.email ?? '' })}
        </Checkbox>
        <Field.Hint />
      </Field.Root>
    );
  }
  const chosen = value ?? (selfId !== undefined ? [selfId] : []);
  const ordered = [...users].sort((a, b) => Number(b.id === selfId) - Number(a.id === selfId));
  return (
    <Field.Root name="notify" hint={hint}>
      <Field.Label>{label}</Field.Label>
      <MultiSelect
        value={chosen.map(String)}
        withTags
        placeholder={t('exports.notify.nobody', 'Nobody')}
        onChange={(v: string[]) => onChange(v.map(Number))}
      >
        {ordered.map((u) => (
          <MultiSelectOption key={u.id} value={String(u.id)}>
            {`${personName(u) || u.email}${u.id === selfId ? ` (${t('exports.notify.you', 'you')})` : ''}`}
          </MultiSelectOption>
        ))}
      </MultiSelect>
      <Field.Hint />
    </Field.Root>
  );
};
