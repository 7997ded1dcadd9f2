import { useState } from 'react';
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useApiErrorNotification } from '../../hooks/useApiErrorNotification';
import { useImportApi } from '../../hooks/useImportApi';
import { useImportPermissions } from '../../hooks/useImportPermissions';
import type { ImportView } from '../../importTypes';
import { getTranslation } from '../../utils/getTranslation';

/** The failed rows as CSV (line, reason, original cells), for imports.read; hidden when nothing failed. */
export const DownloadErrorsButton = ({ importView }: { importView: ImportView }) => {
  const { formatMessage } = useIntl();
  const { canRead } = useImportPermissions();
  const api = useImportApi();
  const notifyError = useApiErrorNotification();
  const [busy, setBusy] = useState(false);
  if (!canRead || importView.counters.failed === 0) return null;

  const download = async () => {
    setBusy(true);
    try {
      await api.downloadErrors(importView.documentId, importView.name);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button variant="tertiary" startIcon={<Download />} loading={busy} onClick={download}>
      {formatMessage(
        {
          id: getTranslation('imports.errors.download'),
          defaultMessage: 'Download the {count, plural, one {failed row} other {# failed rows}} (CSV)',
        },
        { count: importView.counters.failed },
      )}
    </Button>
  );
};
