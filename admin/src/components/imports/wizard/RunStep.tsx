import { Flex, LinkButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { Card } from '../../Card';
import type { ImportView } from '../../../importTypes';
import { getTranslation } from '../../../utils/getTranslation';
import { isFinishedImport } from '../../../utils/importFormat';
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
  const finished = isFinishedImport(importView.status);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Card
        title={finished ? t('imports.run.done', 'Import finished') : t('imports.run.title', 'Importing')}
        description={
          finished
            ? undefined
            : t(
                'imports.run.leave',
                'You can leave this page: the import keeps running in the background and the import history shows its progress.',
              )
        }
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
