import { useEffect, useState } from 'react';
import { Button, Dialog, Flex, Loader } from '@strapi/design-system';
import { ConfirmDialog, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useApiErrorNotification } from '../../hooks/useApiErrorNotification';
import { useFieldApi } from '../../hooks/useFieldApi';
import type { ContactField } from '../../types';
import { readApiError } from '../../utils/apiError';
import { getTranslation } from '../../utils/getTranslation';

interface DeleteFieldDialogProps {
  field: ContactField;
  onClose: () => void;
  onDeleted: () => void;
}

/**
 * Loads how many contacts hold a value first, and says so: deleting the field
 * deletes these values too (the API asks for ?confirm=true then).
 */
export const DeleteFieldDialog = ({ field, onClose, onDeleted }: DeleteFieldDialogProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useApiErrorNotification();
  const api = useFieldApi();
  const [usage, setUsage] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const t = (id: string, defaultMessage: string, v?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, v as any);

  useEffect(() => {
    let current = true;
    api
      .findOne(field.documentId)
      .then((f) => current && setUsage(f.usage))
      .catch((error) => {
        if (!current) return;
        notifyError(error);
        onClose();
      });
    return () => {
      current = false;
    };
    // Count once per field; onClose is a new function on every parent render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, field.documentId, notifyError]);

  const confirm = async () => {
    setBusy(true);
    try {
      await api.remove(field.documentId, (usage ?? 0) > 0);
      toggleNotification({ type: 'success', message: t('fields.delete.success', 'Field deleted') });
      onClose();
      onDeleted();
    } catch (error) {
      // Someone filled the field in the meantime: show the new count and ask again.
      const fresh = readApiError(error).status === 400 ? (error as any)?.response?.data?.error?.details?.usage : undefined;
      if (typeof fresh === 'number' && fresh !== usage) setUsage(fresh);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <ConfirmDialog
        title={t('fields.delete.title', 'Delete the field {label}?', { label: field.label })}
        endAction={
          <Button fullWidth variant="danger-light" loading={busy} disabled={usage === null} onClick={confirm}>
            {usage ? t('fields.delete.confirmValues', 'Delete the field and its values') : t('fields.delete.confirm', 'Delete')}
          </Button>
        }
      >
        {usage === null ? (
          <Flex justifyContent="center">
            <Loader small>{t('fields.delete.counting', 'Counting the contacts that use it…')}</Loader>
          </Flex>
        ) : usage > 0 ? (
          <span data-testid="field-usage">
            {t(
              'fields.delete.inUse',
              '{count, plural, one {# contact holds} other {# contacts hold}} a value for "{label}". Deleting the field deletes these values too. This cannot be undone.',
              { count: usage, label: field.label },
            )}
          </span>
        ) : (
          t('fields.delete.unused', 'No contact holds a value for "{label}".', { label: field.label })
        )}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
