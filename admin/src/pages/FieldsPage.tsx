import { useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { DeleteFieldDialog } from '../components/fields/DeleteFieldDialog';
import { FieldFormModal } from '../components/fields/FieldFormModal';
import { FieldsTable } from '../components/fields/FieldsTable';
import { useFieldPermissions } from '../hooks/useFieldPermissions';
import { useFields } from '../hooks/useFields';
import type { ContactField } from '../types';
import { getTranslation } from '../utils/getTranslation';

/** Built-in columns and custom fields; custom ones can be created, edited and deleted. */
export const FieldsPage = () => {
  const { formatMessage } = useIntl();
  const permissions = useFieldPermissions();
  const { fields, isLoading, error, forbidden, reload } = useFields();
  const [editing, setEditing] = useState<ContactField | 'new' | null>(null);
  const [toDelete, setToDelete] = useState<ContactField | null>(null);
  const t = (id: string, defaultMessage: string, v?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, v as any);
  const title = t('fields.title', 'Fields');

  if (permissions.isLoading) return <Page.Loading />;
  if (!permissions.canRead || forbidden) return <Page.NoPermissions />;
  if (error) {
    return (
      <Page.Main>
        <Page.Title>{title}</Page.Title>
        <Page.Error />
      </Page.Main>
    );
  }

  const builtIn = fields.filter((f) => f.builtIn);
  const custom = fields.filter((f) => !f.builtIn);
  const createButton = (variant: 'default' | 'secondary') =>
    permissions.canCreate ? (
      <Button startIcon={<Plus />} variant={variant} onClick={() => setEditing('new')}>
        {t('fields.create', 'Create a field')}
      </Button>
    ) : undefined;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'fields.subtitle',
          '{custom, plural, =0 {No custom field} one {# custom field} other {# custom fields}} and {builtIn} built-in',
          {
            custom: custom.length,
            builtIn: builtIn.length,
          },
        )}
        primaryAction={createButton('default')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={8}>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Box>
              <Typography variant="delta" tag="h2">
                {t('fields.custom', 'Custom fields')}
              </Typography>
            </Box>
            <FieldsTable
              fields={custom}
              isLoading={isLoading}
              canManage={permissions.canManage}
              emptyAction={createButton('secondary')}
              onEdit={setEditing}
              onDelete={setToDelete}
            />
          </Flex>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography variant="delta" tag="h2">
                {t('fields.builtInTitle', 'Built-in fields')}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {t('fields.builtInDescription', 'Columns every contact has. Only their label can change.')}
              </Typography>
            </Flex>
            <FieldsTable
              fields={builtIn}
              isLoading={isLoading}
              canManage={permissions.canManage}
              onEdit={setEditing}
              onDelete={setToDelete}
            />
          </Flex>
        </Flex>
      </Layouts.Content>
      {editing && (
        <FieldFormModal field={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={reload} />
      )}
      {toDelete && <DeleteFieldDialog field={toDelete} onClose={() => setToDelete(null)} onDeleted={reload} />}
    </Page.Main>
  );
};
