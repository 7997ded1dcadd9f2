import { LinkButton } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useImportPermissions } from '../../hooks/useImportPermissions';
import { getTranslation } from '../../utils/getTranslation';
import { NEW_IMPORT_PATH } from '../../utils/paths';

/** Opens the import wizard; renders nothing for a role without imports.create. */
export const ImportButton = ({ variant = 'secondary' }: { variant?: 'default' | 'secondary' }) => {
  const { formatMessage } = useIntl();
  const { canCreate } = useImportPermissions();
  if (!canCreate) return null;
  return (
    <LinkButton tag={Link} to={NEW_IMPORT_PATH} startIcon={<Upload />} variant={variant} minWidth="max-content">
      {formatMessage({ id: getTranslation('imports.button'), defaultMessage: 'Import' })}
    </LinkButton>
  );
};
