import { Checkbox, Flex, IconButton, Typography } from '@strapi/design-system';
import { Eye, Pencil, Trash } from '@strapi/icons';
import { Table } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router-dom';
import type { Contact } from '../types';
import { contactDisplayName } from '../utils/contactForm';
import { getTranslation } from '../utils/getTranslation';
import { contactPath } from '../utils/paths';
import { OptInBadge } from './OptInBadge';

interface ContactRowProps {
  contact: Contact;
  canManage: boolean;
  onDelete: (contact: Contact) => void;
  /** Defined when rows can be selected. */
  selected?: boolean;
  onSelect?: (documentId: string) => void;
}

const stop = (e: React.MouseEvent) => e.stopPropagation();

export const ContactRow = ({ contact, canManage, onDelete, selected, onSelect }: ContactRowProps) => {
  const { formatMessage, formatDate } = useIntl();
  const navigate = useNavigate();
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const who = contactDisplayName(contact);
  const dash = <Typography textColor="neutral500">-</Typography>;

  return (
    <Table.Row cursor="pointer" onClick={() => navigate(contactPath(contact.documentId))} data-testid="contact-row">
      {onSelect && (
        <Table.Cell onClick={stop}>
          <Checkbox
            aria-label={formatMessage({ id: getTranslation('list.select.one'), defaultMessage: 'Select {name}' }, { name: who })}
            checked={!!selected}
            onCheckedChange={() => onSelect(contact.documentId)}
          />
        </Table.Cell>
      )}
      <Table.Cell>
        <Typography fontWeight="semiBold" textColor="neutral800">
          {contact.email || '-'}
        </Typography>
      </Table.Cell>
      <Table.Cell>{name ? <Typography textColor="neutral800">{name}</Typography> : dash}</Table.Cell>
      <Table.Cell>{contact.company ? <Typography textColor="neutral800">{contact.company}</Typography> : dash}</Table.Cell>
      <Table.Cell>{contact.mobile ? <Typography textColor="neutral800">{contact.mobile}</Typography> : dash}</Table.Cell>
      <Table.Cell>
        <Flex gap={1} wrap="wrap">
          <OptInBadge channel="email" value={contact.emailOptIn} />
          <OptInBadge channel="sms" value={contact.smsOptIn} />
        </Flex>
      </Table.Cell>
      <Table.Cell>
        <Typography textColor="neutral800">
          {formatDate(contact.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}
        </Typography>
      </Table.Cell>
      <Table.Cell onClick={stop}>
        <Flex gap={1} justifyContent="flex-end">
          <IconButton
            tag={Link}
            to={contactPath(contact.documentId)}
            variant="ghost"
            withTooltip={false}
            label={
              canManage
                ? formatMessage({ id: getTranslation('list.actions.edit'), defaultMessage: 'Edit {name}' }, { name: who })
                : formatMessage({ id: getTranslation('list.actions.view'), defaultMessage: 'View {name}' }, { name: who })
            }
          >
            {canManage ? <Pencil /> : <Eye />}
          </IconButton>
          {canManage && (
            <IconButton
              variant="ghost"
              withTooltip={false}
              label={formatMessage({ id: getTranslation('list.actions.delete'), defaultMessage: 'Delete {name}' }, { name: who })}
              onClick={() => onDelete(contact)}
            >
              <Trash />
            </IconButton>
          )}
        </Flex>
      </Table.Cell>
    </Table.Row>
  );
};
