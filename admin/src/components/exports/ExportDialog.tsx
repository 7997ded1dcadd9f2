import { useState } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { MAIN_EXPORT_FIELDS } from '../../../../shared/exports';
import type { ExportView } from '../../exportTypes';
import { useExportApi } from '../../hooks/useExportApi';
import { useExportableFields } from '../../hooks/useExportableFields';
import { useExportCount } from '../../hooks/useExportCount';
import { getTranslation } from '../../utils/getTranslation';
import { FormModal } from '../FormModal';
import { Notice } from '../Notice';
import { RadioField } from '../RadioField';
import { ExportFieldsPicker } from './ExportFieldsPicker';
import { ExportFileOptions } from './ExportFileOptions';
import { DEFAULT_EXPORT_FORM, toRequestBody, type ExportForm, type ExportTarget, type FieldsChoice } from './exportModel';
import { ExportQueuedModal } from './ExportQueuedModal';
import { NotifyChoice } from './NotifyChoice';

interface ExportDialogProps {
  target: ExportTarget;
  onClose: () => void;
  /** Given (the exports page): the dialog closes once the export is queued. Otherwise it says so and links to the exports. */
  onQueued?: (view: ExportView) => void;
}

/** What will be exported (read-only), which columns in which order, how the file is written and who is told. */
export const ExportDialog = ({ target, onClose, onQueued }: ExportDialogProps) => {
  const { formatMessage } = useIntl();
  const api = useExportApi();
  const exportable = useExportableFields();
  const counted = useExportCount(target);
  const [form, setForm] = useState<ExportForm>(DEFAULT_EXPORT_FORM);
  const [queued, setQueued] = useState<ExportView | null>(null);
  const set = <K extends keyof ExportForm>(key: K, value: ExportForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  if (queued) return <ExportQueuedModal view={queued} onClose={onClose} />;

  const chosenKeys = form.fields === 'main' ? [] : form.fields === 'all' ? exportable.fields.map((f) => f.key) : form.picked;
  const hasMultiselect = exportable.fields.some((f) => f.hasOptionColumns && chosenKeys.includes(f.key));
  const countText = counted.isLoading
    ? t('exports.scope.counting', 'Counting…')
    : counted.count !== null
      ? t('exports.scope.count', '{count, plural, =0 {No contact} one {# contact} other {# contacts}}', { count: counted.count })
      : counted.atLeast !== undefined
        ? t('exports.scope.atLeast', 'At least {count, plural, one {# contact} other {# contacts}}', { count: counted.atLeast })
        : null;

  const submit = async () => {
    const scope = typeof target.scope === 'function' ? await target.scope() : target.scope;
    const view = await api.create(toRequestBody(form, scope, target.name));
    if (onQueued) {
      onQueued(view);
      onClose();
    } else setQueued(view);
  };

  return (
    <FormModal
      title={t('exports.dialog.title', 'Export contacts')}
      confirmLabel={t('exports.dialog.submit', 'Export')}
      disabled={!!target.blocked || (form.fields === 'pick' && !form.picked.length)}
      onSubmit={submit}
      onClose={onClose}
      onDone={() => undefined}
    >
      <Box background="neutral100" hasRadius padding={4} data-testid="export-scope">
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="sigma" textColor="neutral600">
            {t('exports.scope', 'Contacts exported')}
          </Typography>
          <Typography fontWeight="semiBold" textColor="neutral800">
            {target.name}
          </Typography>
          {countText && (
            <Typography textColor="neutral700" data-testid="export-count" data-count={counted.count ?? ''}>
              {countText}
            </Typography>
          )}
        </Flex>
      </Box>
      {target.blocked && <Notice variant="warning">{target.blocked}</Notice>}
      <RadioField<FieldsChoice>
        name="fields"
        label={t('exports.fields', 'Fields')}
        value={form.fields}
        choices={[
          {
            value: 'main',
            label: t('exports.fields.main', 'The {count} main fields', { count: MAIN_EXPORT_FIELDS.length }),
            hint: MAIN_EXPORT_FIELDS.map(exportable.labelOf).join(', '),
          },
          { value: 'all', label: t('exports.fields.all', 'All fields'), hint: t('exports.fields.all.hint', 'Built-in and custom fields, dates and activity degree.') },
          { value: 'pick', label: t('exports.fields.pick', 'Choose the fields and their order') },
        ]}
        onChange={(v) => set('fields', v)}
      />
      {form.fields === 'pick' && (
        <ExportFieldsPicker fields={exportable.fields} value={form.picked} onChange={(keys) => set('picked', keys)} labelOf={exportable.labelOf} />
      )}
      <ExportFileOptions form={form} set={set} hasMultiselect={hasMultiselect} />
      <NotifyChoice value={form.notify} onChange={(ids) => set('notify', ids)} />
    </FormModal>
  );
};
