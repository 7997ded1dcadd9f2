import { LinkButton } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { getTranslation } from '../utils/getTranslation';
import { NEW_CONTACT_PATH } from '../utils/paths';

export const CreateContactButton = ({ variant = 'default' }: { variant?: 'default' | 'secondary' }) => {
  const { formatMessage } = useIntl();
  return (
    <LinkButton tag={Link} to={NEW_CONTACT_PATH} startIcon={<Plus />} variant={variant} minWidth="max-content">
      {formatMessage({ id: getTranslation('list.create'), defaultMessage: 'Create new contact' })}
    </LinkButton>
  );
};
