import { useState } from 'react';
import { Badge, Box, Button, Dialog, Field, Flex, Radio, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { ConfirmDialog, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { KEY_FIELDS } from '../../../../shared/fields';
import { useApiErrorNotification } from '../../hooks/useApiErrorNotification';
import { useContactLabels } from '../../hooks/useContactLabels';
import { useSettingsApi } from '../../hooks/useSettingsApi';
import type { BaseSettings } from '../../types';
import { readApiError } from '../../utils/apiError';
import { getTranslation } from '../../utils/getTranslation';
import { Card } from '../Card';
import { Notice } from '../Notice';
import { KeyConflicts } from './KeyConflicts';

type Key = BaseSettings['uniqueKey'];

/** Why the server refused a change: contacts share the new key, or imports are running. */
interface Refusal {
  message: string;
  key: Key;
  conflicts?: number;
}

interface UniqueKeySettingsProps {
  settings: BaseSettings;
  canManage: boolean;
  onSaved: (settings: BaseSettings) => void;
}

/**
 * The base's unicity key. A change is confirmed first; the server applies it
 * whole or not at all, so a refusal (409) leaves the saved key as it was and
 * lists the contacts in the way.
 */
export const UniqueKeySettings = ({ settings, canManage, onSaved }: UniqueKeySettingsProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useApiErrorNotification();
  const labels = useContactLabels();
  const api = useSettingsApi();
  const [choice, setChoice] = useState<Key>(settings.uniqueKey);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [checks, setChecks] = useState(0);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const keyLabel = (key: Key) => labels.fieldLabel({ key, label: '' });
  const changed = choice !== settings.uniqueKey;

  const apply = async () => {
    setBusy(true);
    try {
      const saved = await api.update({ uniqueKey: choice });
      setRefusal(null);
      setConfirming(false);
      onSaved(saved);
      toggleNotification({
        type: 'success',
        message: t('settings.uniqueKey.saved', 'The unicity key is now {key}.', { key: keyLabel(saved.uniqueKey) }),
      });
    } catch (error) {
      setConfirming(false);
      const info = readApiError(error);
      const details = (error as any)?.response?.data?.error?.details ?? {};
      if (info.status === 409) {
        setRefusal({
          message: info.message ?? '',
          key: choice,
          conflicts: typeof details.conflicts === 'number' ? details.conflicts : undefined,
        });
        setChecks((n) => n + 1);
      } else {
        notifyError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setChoice(settings.uniqueKey);
    setRefusal(null);
  };

  return (
    <Card
      title={t('settings.uniqueKey.title', 'Unicity key')}
      description={t(
        'settings.uniqueKey.description',
        'The column that tells contacts apart. No two contacts share it, every contact must have it, and imports match their rows to contacts on it unless told otherwise. The other column may repeat: a family sharing an e-mail address, a switchboard number.',
      )}
      actions={
        <Badge variant="neutral" data-testid="saved-unique-key">
          {t('settings.uniqueKey.current', 'Saved: {key}', { key: keyLabel(settings.uniqueKey) })}
        </Badge>
      }
      data-testid="unique-key-settings"
    >
      <Field.Root name="uniqueKey">
        <Field.Label>{t('settings.uniqueKey.label', 'Contacts are told apart by their')}</Field.Label>
        <Radio.Group
          value={choice}
          disabled={!canManage || busy}
          onValueChange={(v) => {
            setChoice(v as Key);
            setRefusal(null);
          }}
          aria-label={t('settings.uniqueKey.label', 'Contacts are told apart by their')}
        >
          {KEY_FIELDS.map((key) => (
            <Box key={key} paddingBottom={2}>
              <Radio.Item value={key}>{keyLabel(key)}</Radio.Item>
              <Box paddingLeft={6}>
                <Typography variant="pi" textColor="neutral600">
                  {key === 'email'
                    ? t(
                        'settings.uniqueKey.email.hint',
                        'One contact per e-mail address; mobile numbers may repeat. The usual choice for e-mail marketing.',
                      )
                    : t(
                        'settings.uniqueKey.mobile.hint',
                        'One contact per mobile number; e-mail addresses may repeat. For SMS-first bases.',
                      )}
                </Typography>
              </Box>
            </Box>
          ))}
        </Radio.Group>
      </Field.Root>

      {!canManage && (
        <Notice data-testid="settings-read-only">
          {t('settings.readOnly', 'Your role can see the settings but not change them.')}
        </Notice>
      )}

      {refusal && (
        <Notice
          variant="danger"
          data-testid="key-change-refused"
          title={t('settings.uniqueKey.refused', 'Nothing changed: the unicity key is still {key}.', {
            key: keyLabel(settings.uniqueKey),
          })}
        >
          {refusal.message}
        </Notice>
      )}
      {refusal?.conflicts !== undefined && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="delta" tag="h3">
            {t('settings.conflicts.title', 'Contacts to merge or correct first')}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t(
              'settings.conflicts.hint',
              'Open each contact, change or clear the shared value (or delete the duplicate), then check again.',
            )}
          </Typography>
          <KeyConflicts uniqueKey={refusal.key} version={checks} />
        </Flex>
      )}

      {canManage && (
        <Flex gap={2} justifyContent="flex-end">
          {(changed || refusal) && (
            <Button variant="tertiary" onClick={reset} disabled={busy}>
              {t('settings.cancel', 'Cancel')}
            </Button>
          )}
          {refusal ? (
            <Button variant="secondary" loading={busy} onClick={apply} data-testid="key-change-retry">
              {t('settings.uniqueKey.retry', 'Check again and apply')}
            </Button>
          ) : (
            <Button startIcon={<Check />} disabled={!changed} loading={busy} onClick={() => setConfirming(true)}>
              {t('settings.save', 'Save')}
            </Button>
          )}
        </Flex>
      )}

      <Dialog.Root open={confirming} onOpenChange={(open) => !open && setConfirming(false)}>
        <ConfirmDialog
          title={t('settings.uniqueKey.confirm.title', 'Make {key} the unicity key?', { key: keyLabel(choice) })}
          endAction={
            <Button fullWidth variant="default" loading={busy} onClick={apply}>
              {t('settings.uniqueKey.confirm.action', 'Change the key')}
            </Button>
          }
        >
          {t(
            'settings.uniqueKey.confirm.body',
            '{key} becomes unique and required on every contact you create or edit, and imports match on it by default; {other} may repeat. The change is refused if contacts share a value of {key}, or while an import runs.',
            { key: keyLabel(choice), other: keyLabel(choice === 'email' ? 'mobile' : 'email') },
          )}
        </ConfirmDialog>
      </Dialog.Root>
    </Card>
  );
};
