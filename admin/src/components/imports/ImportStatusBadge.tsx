import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ImportStatus } from '../../../../shared/constants';
import { getTranslation } from '../../utils/getTranslation';
import { STATUS_VARIANTS } from '../../utils/importFormat';

export const STATUS_DEFAULT_LABELS: Record<ImportStatus, string> = {
  draft: 'Draft',
  queued: 'Queued',
  delayed: 'Delayed',
  in_progress: 'In progress',
  imported: 'Imported',
  failed: 'Failed',
  stopped: 'Stopped',
};

export const useStatusLabel = () => {
  const { formatMessage } = useIntl();
  return (status: ImportStatus) =>
    formatMessage({ id: getTranslation(`imports.status.${status}`), defaultMessage: STATUS_DEFAULT_LABELS[status] ?? status });
};

export const ImportStatusBadge = ({ status }: { status: ImportStatus }) => {
  const label = useStatusLabel();
  return (
    <Badge variant={STATUS_VARIANTS[status] ?? 'neutral'} data-testid="import-status" data-status={status}>
      {label(status)}
    </Badge>
  );
};
