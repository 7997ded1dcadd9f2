import { useState } from 'react';
import { Button, Dialog } from '@strapi/design-system';
import { ConfirmDialog, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useApiErrorNotification } from '../hooks/useApiErrorNotification';
import { useContactMutations } from '../hooks/useContactMutations';
import { getTranslation } from '../utils/getTranslation';

interface DeleteContactDialogProps {
  documentId: string;
  name: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDeleted: () => void;
}

/** Asks before deleting; stays open (button loading) until the API answers. */
export const DeleteContactDialog = ({ documentId, name, open, onOpenChange, onDeleted }: DeleteContactDialogProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useApiErrorNotification();
  const { remove } = useContactMutations();
  const [isDeleting, setIsDeleting] = useState(false);

  const confirm = async () => {
    setIsDeleting(true);
    try {
      await remove(documentId);
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('delete.success'), defaultMessage: 'Contact deleted' }),
      });
      onOpenChange(false);
      onDeleted();
    } catch (error) {
      notifyError(error);
    } finally {
      setIsDeleting(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <ConfirmDialog
        title={formatMessage({ id: getTranslation('delete.title'), defaultMessage: 'Delete this contact?' })}
        endAction={
          <Button fullWidth variant="danger-light" loading={isDeleting} onClick={confirm}>
            {formatMessage({ id: getTranslation('delete.confirm'), defaultMessage: 'Delete' })}
          </Button>
        }
      >
        {formatMessage(
          {
            id: getTranslation('delete.body'),
            defaultMessage: '{name} will be removed from the contact base and from every segment. This cannot be undone.',
          },
          { name },
        )}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
