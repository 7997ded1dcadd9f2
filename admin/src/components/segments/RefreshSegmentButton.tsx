import { useState } from 'react';
import { Button, IconButton } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useApiErrorNotification } from '../../hooks/useApiErrorNotification';
import { useSegmentApi } from '../../hooks/useSegmentApi';
import { useJobs } from '../../jobs/JobsProvider';
import type { Segment } from '../../segmentTypes';
import { getTranslation } from '../../utils/getTranslation';

interface RefreshSegmentButtonProps {
  segment: Segment;
  /** Read the segment again: its count and last refresh changed. */
  onRefreshed: () => void;
  /** An icon button (table rows). */
  compact?: boolean;
}

/**
 * Recomputes a dynamic segment now. The request answers when the refresh is
 * done; the jobs watcher tells its result (wherever the person went meanwhile).
 */
export const RefreshSegmentButton = ({ segment, onRefreshed, compact }: RefreshSegmentButtonProps) => {
  const { formatMessage } = useIntl();
  const api = useSegmentApi();
  const jobs = useJobs();
  const notifyError = useApiErrorNotification();
  const [busy, setBusy] = useState(false);
  const label = formatMessage({ id: getTranslation('segments.refresh'), defaultMessage: 'Refresh {name}' }, { name: segment.name });

  const refresh = async () => {
    setBusy(true);
    jobs.watch('refresh', segment.documentId, segment.name, segment.lastRefresh?.at ?? null);
    try {
      await api.refresh(segment.documentId);
      jobs.checkNow();
      onRefreshed();
    } catch (error) {
      jobs.forget('refresh', segment.documentId);
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  if (compact) {
    return (
      <IconButton variant="ghost" withTooltip={false} label={label} disabled={busy} onClick={refresh}>
        <ArrowClockwise />
      </IconButton>
    );
  }
  return (
    <Button variant="secondary" startIcon={<ArrowClockwise />} loading={busy} onClick={refresh}>
      {formatMessage({ id: getTranslation('segments.refresh.now'), defaultMessage: 'Refresh now' })}
    </Button>
  );
};
