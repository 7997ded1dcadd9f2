import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useImportApi } from '../../hooks/useImportApi';
import { getTranslation } from '../../utils/getTranslation';
import { ConfirmActionDialog } from '../ConfirmActionDialog';

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
  const api = useImportApi();
  return (
    <ConfirmActionDialog
      title={formatMessage({ id: getTranslation('imports.delete.title'), defaultMessage: 'Delete this import?' })}
      confirmLabel={formatMessage({ id: getTranslation('imports.delete.confirm'), defaultMessage: 'Delete' })}
      onClose={onClose}
      onConfirm={async () => {
        await api.remove(documentId);
        toggleNotification({
          type: 'success',
          message: formatMessage({ id: getTranslation('imports.delete.success'), defaultMessage: 'Import deleted' }),
        });
        onDeleted();
      }}
    >
      {formatMessage(
        {
          id: getTranslation('imports.delete.body'),
          defaultMessage: '"{name}" leaves the history with its file and its failed rows. The imported contacts stay.',
        },
        { name },
      )}
    </ConfirmActionDialog>
  );
};
