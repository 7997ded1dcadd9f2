import { EmptyStateLayout, LinkButton } from '@strapi/design-system';
import { ArrowClockwise, WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { getTranslation } from '../utils/getTranslation';
import { CONTACTS_PATH } from '../utils/paths';

/**
 * Page.Error's look, inside the page layout: says what the API said and offers
 * the list without the query string (a bad sort or page in the URL is the usual cause).
 */
export const ListErrorState = ({ message }: { message?: string }) => {
  const { formatMessage } = useIntl();
  return (
    <EmptyStateLayout
      hasRadius
      shadow="tableShadow"
      icon={<WarningCircle width="6.4rem" height="6.4rem" fill="danger600" />}
      content={
        message ||
        formatMessage({ id: getTranslation('list.error'), defaultMessage: 'The contacts could not be loaded. Please try again.' })
      }
      action={
        <LinkButton tag={Link} to={CONTACTS_PATH} variant="secondary" startIcon={<ArrowClockwise />}>
          {formatMessage({ id: getTranslation('list.error.reset'), defaultMessage: 'Show all contacts' })}
        </LinkButton>
      }
    />
  );
};
