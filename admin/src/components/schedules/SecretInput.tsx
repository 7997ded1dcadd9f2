import { Badge, Button, Field, Flex, Textarea, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import type { SecretState } from './scheduleModel';

interface SecretInputProps {
  name: string;
  label: string;
  /** A value is stored (the API says so; it never sends it). */
  isSet: boolean;
  state: SecretState;
  onChange: (state: SecretState) => void;
  required?: boolean;
  hint?: string;
  /** A private key: several lines. */
  multiline?: boolean;
}

/**
 * A write-only secret: once stored it shows as "set" with a Replace button;
 * typing a new value replaces it on save, "Keep the current one" goes back.
 */
export const SecretInput = ({ name, label, isSet, state, onChange, required, hint, multiline }: SecretInputProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  if (isSet && !state.replace) {
    return (
      <Field.Root name={name} hint={hint}>
        <Field.Label>{label}</Field.Label>
        <Flex gap={2} data-testid={`secret-${name}`} data-set="true">
          <Badge variant="success">{t('schedules.secret.set', 'Set')}</Badge>
          <Button variant="tertiary" size="S" onClick={() => onChange({ replace: true, value: '' })}>
            {t('schedules.secret.replace', 'Replace {label}', { label: label.toLowerCase() })}
          </Button>
        </Flex>
        <Field.Hint />
      </Field.Root>
    );
  }
  const change = (value: string) => onChange({ replace: true, value });
  return (
    <Field.Root name={name} hint={hint} required={required && !isSet}>
      <Field.Label>{label}</Field.Label>
      <Flex direction="column" alignItems="stretch" gap={1}>
        {multiline ? (
          <Textarea value={state.value} autoComplete="off" spellCheck={false} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => change(e.target.value)} />
        ) : (
          <TextInput type="password" autoComplete="new-password" value={state.value} onChange={(e: React.ChangeEvent<HTMLInputElement>) => change(e.target.value)} />
        )}
        {isSet && (
          <Flex>
            <Button variant="ghost" size="S" onClick={() => onChange({ replace: false, value: '' })}>
              {t('schedules.secret.keep', 'Keep the current one')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Field.Hint />
    </Field.Root>
  );
};
