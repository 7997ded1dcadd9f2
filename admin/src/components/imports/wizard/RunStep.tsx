import { Flex, LinkButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { Card } from '../../Card';
import type { ImportView } from '../../../../../shared/imports';
import { getTranslation } from '../../../utils/getTranslation';
import { isActiveImport, isFinishedImport } from '../../../utils/importFormat';
import { IMPORTS_PATH, importPath } from '../../../utils/paths';
import { ImportProgress } from '../ImportProgress';
import { ImportRunActions } from '../ImportRunActions';
import { ImportSummary } from '../ImportSummary';

interface RunStepProps {
  importView: ImportView;
  onChange: (importView: ImportView) => void;
}

/** Live progress (the page polls every second) and, at the end, the summary. */
export const RunStep = ({ importView, onChange }: RunStepProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { status } = importView;
  const finished = isFinishedImport(status);
  // Each status says what is happening now: a stopped import is not "importing".
  const title =
    status === 'imported'
      ? t('imports.run.done', 'Import finished')
      : status === 'failed'
        ? t('imports.summary.failed', 'Import failed')
        : status === 'stopped'
          ? t('imports.run.stopped', 'Stopped')
          : status === 'in_progress'
            ? t('imports.run.title', 'Importing')
            : t('imports.run.waiting', 'Waiting to start');
  const description =
    status === 'stopped'
      ? t('imports.run.stoppedHint', 'Nothing more is imported. Resume continues after the last saved batch.')
      : isActiveImport(status)
        ? t(
            'imports.run.leave',
            'You can leave this page: the import keeps running in the background and the import history shows its progress.',
          )
        : undefined;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Card
        title={title}
        description={description}
        data-testid="run-card"
        actions={
          <>
            <ImportRunActions importView={importView} onChange={onChange} />
            <LinkButton tag={Link} to={importPath(importView.documentId)} variant="tertiary">
              {t('imports.run.details', 'Details and charts')}
            </LinkButton>
          </>
        }
      >
        {finished ? <ImportSummary importView={importView} /> : <ImportProgress importView={importView} />}
      </Card>
      <Flex justifyContent="flex-end">
        <Typography variant="pi" textColor="neutral600">
          <Link to={IMPORTS_PATH}>{t('imports.run.history', 'Go to the import history')}</Link>
        </Typography>
      </Flex>
    </Flex>
  );
};
