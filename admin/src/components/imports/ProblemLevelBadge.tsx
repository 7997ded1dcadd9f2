import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ImportProblemLevel } from '../../../../shared/constants';
import { getTranslation } from '../../utils/getTranslation';

/** Error: the row was not imported. Warning: one cell was dropped, the contact was kept. */
export const ProblemLevelBadge = ({ level }: { level: ImportProblemLevel }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge variant={level === 'error' ? 'danger' : 'warning'} size="S" data-testid="problem-level" data-level={level}>
      {level === 'error'
        ? formatMessage({ id: getTranslation('imports.level.error'), defaultMessage: 'Error' })
        : formatMessage({ id: getTranslation('imports.level.warning'), defaultMessage: 'Warning' })}
    </Badge>
  );
};
