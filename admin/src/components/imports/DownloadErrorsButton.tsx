import { useState } from 'react';
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useApiErrorNotification } from '../../hooks/useApiErrorNotification';
import { useImportApi } from '../../hooks/useImportApi';
import { useImportPermissions } from '../../hooks/useImportPermissions';
import type { ImportView } from '../../../../shared/imports';
import { getTranslation } from '../../utils/getTranslation';

/** Failed rows and dropped cells as CSV (line, level, column, reason, cells), for imports.read; hidden when there are none. */
export const DownloadErrorsButton = ({ importView }: { importView: ImportView }) => {
  const { formatMessage } = useIntl();
  const { canRead } = useImportPermissions();
  const api = useImportApi();
  const notifyError = useApiErrorNotification();
  const [busy, setBusy] = useState(false);
  const { failed, warnings = 0 } = importView.counters;
  if (!canRead || failed + warnings === 0) return null;

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
          id: getTranslation('imports.errors.downloadProblems'),
          defaultMessage:
            'Download the {failed, plural, =0 {} one {failed row} other {# failed rows}}{both, select, true { and the } other {}}{warnings, plural, =0 {} one {warning} other {# warnings}} (CSV)',
        },
        { failed, warnings, both: String(failed > 0 && warnings > 0) },
      )}
    </Button>
  );
};
