import { useState } from 'react';
import { Button, Dialog } from '@strapi/design-system';
import { ConfirmDialog, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useApiErrorNotification } from '../../hooks/useApiErrorNotification';
import { useImportApi } from '../../hooks/useImportApi';
import { getTranslation } from '../../utils/getTranslation';

interface DeleteImportDialogProps {
  documentId: string;
  name: string;
  onClose: () => void;
  onDeleted: () => void;
}

/** Deleting an import removes its history entry, its file and its failed rows; contacts stay. */
export const DeleteImportDialog = ({ documentId, name, onClose, onDeleted }: DeleteImportDialogProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useApiErrorNotification();
  const api = useImportApi();
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await api.remove(documentId);
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('imports.delete.success'), defaultMessage: 'Import deleted' }),
      });
      onClose();
      onDeleted();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <ConfirmDialog
        title={formatMessage({ id: getTranslation('imports.delete.title'), defaultMessage: 'Delete this import?' })}
        endAction={
          <Button fullWidth variant="danger-light" loading={busy} onClick={confirm}>
            {formatMessage({ id: getTranslation('imports.delete.confirm'), defaultMessage: 'Delete' })}
          </Button>
        }
      >
        {formatMessage(
          {
            id: getTranslation('imports.delete.body'),
            defaultMessage: '"{name}" leaves the history with its file and its failed rows. The imported contacts stay.',
          },
          { name },
        )}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
