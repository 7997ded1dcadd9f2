import { Button, LinkButton, Modal, Typography } from '@strapi/design-system';
import { ArrowRight } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { ExportView } from '../../exportTypes';
import { useExportPermissions } from '../../hooks/useExportPermissions';
import { getTranslation } from '../../utils/getTranslation';
import { EXPORTS_PATH } from '../../utils/paths';

/** Said once an export is queued: it runs in the background; the exports page shows it and offers the file. */
export const ExportQueuedModal = ({ view, onClose }: { view: ExportView; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { canRead } = useExportPermissions();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header closeLabel={t('exports.queued.close', 'Close')}>
          <Modal.Title>{t('exports.queued.title', 'Export queued')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Typography tag="p" textColor="neutral800" data-testid="export-queued">
            {canRead
              ? t('exports.queued.body', '«{name}» is written in the background: a notification tells you when the file is ready, wherever you are, and the Exports page shows its progress.', { name: view.name })
              : t('exports.queued.bodyNoRead', '«{name}» is written in the background. Downloading it takes the right to read exports.', { name: view.name })}
          </Typography>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('exports.queued.close', 'Close')}</Button>
          </Modal.Close>
          {canRead && (
            <LinkButton tag={Link} to={EXPORTS_PATH} endIcon={<ArrowRight />} onClick={onClose}>
              {t('exports.queued.go', 'Go to the exports')}
            </LinkButton>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
