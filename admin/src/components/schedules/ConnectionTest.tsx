import { useState } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Server } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useFormat } from '../../hooks/useFormat';
import type { ConnectionReport } from '../../scheduleTypes';
import { readApiError } from '../../utils/apiError';
import { getTranslation } from '../../utils/getTranslation';
import { Notice } from '../Notice';

interface ConnectionTestProps {
  onTest: () => Promise<ConnectionReport>;
  disabled?: boolean;
  /** SFTP: fill the form's host key pin with the one the server showed. */
  onPin?: (fingerprint: string) => void;
  pinned?: string;
}

/** "Test connection" and what it found: the file a run would read now, the server's host key, or why it failed. */
export const ConnectionTest = ({ onTest, disabled, onPin, pinned }: ConnectionTestProps) => {
  const { formatMessage, formatDate } = useIntl();
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectionReport | null>(null);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const test = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await onTest());
    } catch (error) {
      // A refused address or a bad field is a 400 whose message says what to change.
      setResult({ ok: false, error: readApiError(error).message ?? t('error.unknown', 'Something went wrong. Please try again.') });
    } finally {
      setBusy(false);
    }
  };

  const file = result?.file;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex>
        <Button variant="secondary" startIcon={<Server />} loading={busy} disabled={disabled} onClick={test}>
          {t('schedules.test', 'Test connection')}
        </Button>
      </Flex>
      {result && (
        <Notice
          variant={result.ok ? 'success' : 'danger'}
          data-testid="connection-result"
          title={result.ok ? t('schedules.test.ok', 'Connection works') : t('schedules.test.failed', 'Connection failed')}
          action={
            result.hostFingerprint && onPin && result.hostFingerprint !== pinned ? (
              <Button variant="tertiary" size="S" onClick={() => onPin(result.hostFingerprint!)}>
                {t('schedules.test.pin', 'Pin this host key')}
              </Button>
            ) : undefined
          }
        >
          <Flex direction="column" alignItems="flex-start" gap={1}>
            {result.error && <Typography>{result.error}</Typography>}
            {file && (
              <Typography data-testid="connection-file">
                {t('schedules.test.file', 'A run would read {name}', { name: file.origin || file.name })}
              </Typography>
            )}
            {file && (file.size !== null || file.modifiedAt) && (
              <Typography variant="pi" textColor="neutral600">
                {[file.size !== null ? format.bytes(file.size) : null, file.modifiedAt ? t('schedules.test.modified', 'modified {when}', { when: formatDate(file.modifiedAt, { dateStyle: 'medium', timeStyle: 'short' }) }) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography>
            )}
            {result.hostFingerprint && (
              <Typography variant="pi" textColor="neutral600">
                {t('schedules.test.hostKey', 'Host key: {fingerprint}', { fingerprint: result.hostFingerprint })}
              </Typography>
            )}
          </Flex>
        </Notice>
      )}
    </Flex>
  );
};
