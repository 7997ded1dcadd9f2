import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useContactMutations } from '../hooks/useContactMutations';
import { getTranslation } from '../utils/getTranslation';
import { ConfirmActionDialog } from './ConfirmActionDialog';

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
  const { remove } = useContactMutations();
  if (!open) return null;
  return (
    <ConfirmActionDialog
      title={formatMessage({ id: getTranslation('delete.title'), defaultMessage: 'Delete this contact?' })}
      confirmLabel={formatMessage({ id: getTranslation('delete.confirm'), defaultMessage: 'Delete' })}
      onClose={() => onOpenChange(false)}
      onConfirm={async () => {
        await remove(documentId);
        toggleNotification({
          type: 'success',
          message: formatMessage({ id: getTranslation('delete.success'), defaultMessage: 'Contact deleted' }),
        });
        onDeleted();
      }}
    >
      {formatMessage(
        {
          id: getTranslation('delete.body'),
          defaultMessage: '{name} will be removed from the contact base and from every segment. This cannot be undone.',
        },
        { name },
      )}
    </ConfirmActionDialog>
  );
};
