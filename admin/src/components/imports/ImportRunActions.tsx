import { useState } from 'react';
import { Button, IconButton } from '@strapi/design-system';
import { ArrowClockwise, Stop } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useApiErrorNotification } from '../../hooks/useApiErrorNotification';
import { useImportApi } from '../../hooks/useImportApi';
import { useImportPermissions } from '../../hooks/useImportPermissions';
import type { ImportView } from '../../../../shared/imports';
import { getTranslation } from '../../utils/getTranslation';
import { importActions } from '../../utils/importFormat';

interface ImportRunActionsProps {
  importView: ImportView;
  onChange: (next: ImportView) => void;
  size?: 'S' | 'M';
  /** Icon buttons (labelled by their tooltip), for table rows. */
  compact?: boolean;
  /** The server refused: the status shown was stale; the caller reads the import again. */
  onRefused?: () => void;
}

/** Stop (after the current batch) and Resume (from the last committed batch), for imports.manage. */
export const ImportRunActions = ({ importView, onChange, size = 'S', compact = false, onRefused }: ImportRunActionsProps) => {
  const { formatMessage } = useIntl();
  const { canManage } = useImportPermissions();
  const api = useImportApi();
  const notifyError = useApiErrorNotification();
  const [busy, setBusy] = useState(false);
  if (!canManage) return null;

  const run = async (action: 'stop' | 'resume') => {
    setBusy(true);
    try {
      onChange(await api[action](importView.documentId));
    } catch (error) {
      notifyError(error);
      // Someone else stopped, resumed or finished it meanwhile: show what it is now.
      onRefused?.();
    } finally {
      setBusy(false);
    }
  };

  const stopLabel = formatMessage({ id: getTranslation('imports.action.stop'), defaultMessage: 'Stop' });
  const resumeLabel = formatMessage({ id: getTranslation('imports.action.resume'), defaultMessage: 'Resume' });
  const allowed = importActions(importView.status);
  if (compact && allowed.stop) {
    return (
      <IconButton variant="ghost" label={stopLabel} disabled={busy} onClick={() => run('stop')}>
        <Stop />
      </IconButton>
    );
  }
  if (compact && allowed.resume) {
    return (
      <IconButton variant="ghost" label={resumeLabel} disabled={busy} onClick={() => run('resume')}>
        <ArrowClockwise />
      </IconButton>
    );
  }
  if (allowed.stop) {
    return (
      <Button size={size} variant="danger-light" startIcon={<Stop />} loading={busy} onClick={() => run('stop')}>
        {stopLabel}
      </Button>
    );
  }
  if (allowed.resume) {
    return (
      <Button size={size} variant="secondary" startIcon={<ArrowClockwise />} loading={busy} onClick={() => run('resume')}>
        {resumeLabel}
      </Button>
    );
  }
  return null;
};
