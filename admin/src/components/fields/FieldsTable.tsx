import { Badge, Flex, IconButton, Th, Typography, VisuallyHidden } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import { Table } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ContactField } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { useContactLabels } from '../../hooks/useContactLabels';
import { useImportLabels } from '../imports/useImportLabels';

interface FieldsTableProps {
  fields: ContactField[];
  isLoading: boolean;
  canManage: boolean;
  emptyAction?: React.ReactNode;
  onEdit: (field: ContactField) => void;
  onDelete: (field: ContactField) => void;
}

export const FieldsTable = ({ fields, isLoading, canManage, emptyAction, onEdit, onDelete }: FieldsTableProps) => {
  const { formatMessage } = useIntl();
  const labels = useImportLabels();
  const contactLabels = useContactLabels();
  const t = (id: string, defaultMessage: string, v?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, v as any);
  const headers = [
    { name: 'label', label: t('fields.column.label', 'Label'), sortable: false },
    { name: 'key', label: t('fields.column.key', 'Key'), sortable: false },
    { name: 'type', label: t('fields.column.type', 'Type'), sortable: false },
    { name: 'options', label: t('fields.column.options', 'Options'), sortable: false },
    { name: 'rules', label: t('fields.column.rules', 'Rules'), sortable: false },
  ];
  const allHeaders = [...headers, { name: 'actions', label: t('fields.column.actions', 'Actions'), sortable: false }];

  return (
    <Table.Root rows={fields.map((f) => ({ ...f, id: f.documentId }))} headers={allHeaders} isLoading={isLoading}>
      <Table.Content>
        <Table.Head>
          {headers.map((h) => (
            <Table.HeaderCell key={h.name} {...h} />
          ))}
          <Th>
            <VisuallyHidden>{t('fields.column.actions', 'Actions')}</VisuallyHidden>
          </Th>
        </Table.Head>
        <Table.Loading>{t('fields.loading', 'Loading fields…')}</Table.Loading>
        <Table.Empty action={emptyAction} content={t('fields.empty', 'No custom field yet.')} />
        <Table.Body>
          {fields.map((f) => (
            <Table.Row key={f.documentId} data-testid="field-row" data-key={f.key}>
              <Table.Cell>
                <Flex gap={2}>
                  <Typography fontWeight="semiBold" textColor="neutral800">
                    {contactLabels.fieldLabel(f)}
                  </Typography>
                  {f.builtIn && (
                    <Badge size="S" variant="secondary">
                      {t('fields.builtIn', 'Built-in')}
                    </Badge>
                  )}
                </Flex>
              </Table.Cell>
              <Table.Cell>
                <Typography textColor="neutral700" style={{ fontFamily: 'monospace' }}>
                  {f.key}
                </Typography>
              </Table.Cell>
              <Table.Cell>
                <Typography textColor="neutral800">{labels.fieldType(f.type)}</Typography>
              </Table.Cell>
              <Table.Cell>
                <Typography textColor="neutral700" ellipsis style={{ maxWidth: '32rem', display: 'block' }}>
                  {f.options?.length
                    ? f.options.map((o) => (f.builtIn ? (contactLabels.value(f.key, o) ?? o) : o)).join(', ')
                    : '-'}
                </Typography>
              </Table.Cell>
              <Table.Cell>
                <Flex gap={1} wrap="wrap">
                  {f.required && (
                    <Badge size="S" variant="warning">
                      {t('fields.required', 'Required')}
                    </Badge>
                  )}
                  {f.allowUnknownValues && (
                    <Badge size="S" variant="neutral">
                      {t('fields.allowUnknown', 'Open list')}
                    </Badge>
                  )}
                </Flex>
              </Table.Cell>
              <Table.Cell>
                <Flex gap={1} justifyContent="flex-end">
                  {canManage && (
                    <IconButton
                      variant="ghost"
                      label={t('fields.action.edit', 'Edit {label}', { label: contactLabels.fieldLabel(f) })}
                      onClick={() => onEdit(f)}
                    >
                      <Pencil />
                    </IconButton>
                  )}
                  {canManage && !f.builtIn && (
                    <IconButton
                      variant="ghost"
                      label={t('fields.action.delete', 'Delete {label}', { label: f.label })}
                      onClick={() => onDelete(f)}
                    >
                      <Trash />
                    </IconButton>
                  )}
                </Flex>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Content>
    </Table.Root>
  );
};
