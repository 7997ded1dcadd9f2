import { useState } from 'react';
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { ExportView } from '../../exportTypes';
import { useExportPermissions } from '../../hooks/useExportPermissions';
import { getTranslation } from '../../utils/getTranslation';
import { ExportDialog } from './ExportDialog';
import type { ExportTarget } from './exportModel';

interface ExportButtonProps {
  /** Read when the button is clicked (the page's selection or search at that moment). */
  target: () => ExportTarget;
  variant?: 'default' | 'secondary' | 'tertiary';
  onQueued?: (view: ExportView) => void;
}

/** Opens the export dialog on what the page shows; renders nothing for a role without exports.create. */
export const ExportButton = ({ target, variant = 'secondary', onQueued }: ExportButtonProps) => {
  const { formatMessage } = useIntl();
  const { canCreate } = useExportPermissions();
  const [open, setOpen] = useState<ExportTarget | null>(null);
  if (!canCreate) return null;
  return (
    <>
      <Button variant={variant} startIcon={<Download />} minWidth="max-content" onClick={() => setOpen(target())}>
        {formatMessage({ id: getTranslation('exports.button'), defaultMessage: 'Export' })}
      </Button>
      {open && <ExportDialog target={open} onClose={() => setOpen(null)} onQueued={onQueued} />}
    </>
  );
};
