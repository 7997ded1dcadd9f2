import { Badge } from '@strapi/design-system';
import { OPEN_RUN_OUTCOMES } from '../../../../shared/schedules';
import { useScheduleLabels, type RunOutcome } from './useScheduleLabels';

type Variant = 'primary' | 'secondary' | 'success' | 'danger' | 'neutral' | 'warning';

const VARIANTS: Record<RunOutcome, Variant> = {
  running: 'primary',
  delivering: 'primary',
  imported: 'success',
  delivered: 'success',
  done: 'success',
  'skipped-unchanged': 'neutral',
  'skipped-busy': 'warning',
  failed: 'danger',
};

export const RunOutcomeBadge = ({ outcome }: { outcome: RunOutcome }) => {
  const labels = useScheduleLabels();
  return (
    <Badge variant={VARIANTS[outcome] ?? 'neutral'} data-testid="run-outcome" data-outcome={outcome}>
      {labels.outcome(outcome)}
    </Badge>
  );
};

/** Runs whose import or export has not ended: the lists read again until they settle. */
export const isOpenRun = (run: { outcome: string } | null | undefined) => !!run && (OPEN_RUN_OUTCOMES as readonly string[]).includes(run.outcome);
