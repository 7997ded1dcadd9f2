import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ExportStatus } from '../../../../shared/constants';
import { getTranslation } from '../../utils/getTranslation';

const VARIANTS: Record<ExportStatus, 'secondary' | 'primary' | 'success' | 'danger'> = {
  queued: 'secondary',
  in_progress: 'primary',
  done: 'success',
  failed: 'danger',
};

const LABELS: Record<ExportStatus, string> = { queued: 'Queued', in_progress: 'In progress', done: 'Done', failed: 'Failed' };

export const ExportStatusBadge = ({ status }: { status: ExportStatus }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge variant={VARIANTS[status] ?? 'neutral'} data-testid="export-status" data-status={status}>
      {formatMessage({ id: getTranslation(`exports.status.${status}`), defaultMessage: LABELS[status] ?? status })}
    </Badge>
  );
};
