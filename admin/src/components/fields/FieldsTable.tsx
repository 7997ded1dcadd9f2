import { Badge, Flex, Typography } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import { Table } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ContactField } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { useContactLabels } from '../../hooks/useContactLabels';
import { useImportLabels } from '../imports/useImportLabels';
import { ListTable } from '../ListTable';
import { RowAction } from '../RowAction';

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
    { name: 'label', label: t('fields.column.label', 'Label') },
    { name: 'key', label: t('fields.column.key', 'Key') },
    { name: 'type', label: t('fields.column.type', 'Type') },
    { name: 'options', label: t('fields.column.options', 'Options') },
    { name: 'rules', label: t('fields.column.rules', 'Rules') },
  ];

  return (
    <ListTable
      rows={fields}
      headers={headers}
      actionsLabel={t('fields.column.actions', 'Actions')}
      isLoading={isLoading}
      loadingText={t('fields.loading', 'Loading fields…')}
      emptyContent={t('fields.empty', 'No custom field yet.')}
      emptyAction={emptyAction}
    >
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
                <RowAction label={t('fields.action.edit', 'Edit {label}', { label: contactLabels.fieldLabel(f) })} onClick={() => onEdit(f)} icon={<Pencil />} />
              )}
              {canManage && !f.builtIn && (
                <RowAction label={t('fields.action.delete', 'Delete {label}', { label: f.label })} onClick={() => onDelete(f)} icon={<Trash />} />
              )}
            </Flex>
          </Table.Cell>
        </Table.Row>
      ))}
    </ListTable>
  );
};
