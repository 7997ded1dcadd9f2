import { useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  Modal,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { FIELD_TYPES, type FieldType } from '../../../../shared/constants';
import { useFieldApi, type FieldInput } from '../../hooks/useFieldApi';
import type { ContactField } from '../../types';
import { readApiError } from '../../utils/apiError';
import { getTranslation } from '../../utils/getTranslation';
import { keyFromHeader, NEW_FIELD_KEY } from '../imports/wizard/mappingModel';
import { useContactLabels } from '../../hooks/useContactLabels';
import { useImportLabels } from '../imports/useImportLabels';
import { Notice } from '../Notice';
import { OptionsEditor } from './OptionsEditor';

const WITH_OPTIONS: FieldType[] = ['select', 'multiselect'];

interface FieldFormModalProps {
  /** Absent to create a field. */
  field?: ContactField;
  onClose: () => void;
  onSaved: () => void;
}

/** Create or edit a field; a built-in field only lets its label change. */
export const FieldFormModal = ({ field, onClose, onSaved }: FieldFormModalProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const labels = useImportLabels();
  const contactLabels = useContactLabels();
  const api = useFieldApi();
  const [values, setValues] = useState<FieldInput & { type: FieldType }>({
    key: field?.key ?? '',
    label: field?.label ?? '',
    type: field?.type ?? 'text',
    options: field?.options ?? [],
    allowUnknownValues: field?.allowUnknownValues ?? false,
    required: field?.required ?? false,
  });
  const [keyTouched, setKeyTouched] = useState(!!field);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const builtIn = !!field?.builtIn;
  const t = (id: string, defaultMessage: string, v?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, v as any);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      const { [key as string]: _gone, ...rest } = e;
      return rest;
    });
  };

  const hasOptions = WITH_OPTIONS.includes(values.type);
  const keyInvalid = !field && !!values.key && !NEW_FIELD_KEY.test(values.key);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const payload: FieldInput = builtIn
        ? { label: values.label }
        : {
            label: values.label,
            type: values.type,
            options: hasOptions ? values.options : [],
            allowUnknownValues: hasOptions ? !!values.allowUnknownValues : false,
            required: !!values.required,
          };
      if (field) await api.update(field.documentId, payload);
      else await api.create({ ...payload, key: values.key });
      toggleNotification({
        type: 'success',
        message: field ? t('fields.saved', 'Field saved') : t('fields.created', 'Field created'),
      });
      onSaved();
      onClose();
    } catch (error) {
      const info = readApiError(error);
      setErrors(info.fieldErrors);
      setProblem(info.message ?? t('error.unknown', 'Something went wrong. Please try again.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={t('fields.form.cancel', 'Cancel')}>
            <Modal.Title>
              {field
                ? t('fields.form.editTitle', 'Edit the field {label}', { label: contactLabels.fieldLabel(field) })
                : t('fields.form.createTitle', 'Create a field')}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={5}>
              {builtIn && (
                <Notice>
                  {t('fields.form.builtIn', 'A built-in field is a column of the contact: only its label can change.')}
                </Notice>
              )}
              <Grid.Root gap={4}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="label" required error={errors.label}>
                    <Field.Label>{t('fields.form.label', 'Label')}</Field.Label>
                    <TextInput
                      value={values.label}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                        set('label', e.target.value);
                        if (!keyTouched) set('key', e.target.value ? keyFromHeader(e.target.value) : '');
                      }}
                    />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name="key"
                    required
                    error={
                      errors.key ??
                      (keyInvalid ? t('fields.form.key.invalid', 'A letter, then letters, digits or _ (at most 63)') : undefined)
                    }
                    hint={
                      field
                        ? t('fields.form.key.locked', 'Contacts store their values under the key: it cannot change.')
                        : t('fields.form.key.hint', 'Used in imports, exports and the API.')
                    }
                  >
                    <Field.Label>{t('fields.form.key', 'Key')}</Field.Label>
                    <TextInput
                      value={values.key}
                      disabled={!!field}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                        setKeyTouched(true);
                        set('key', e.target.value);
                      }}
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="type" required error={errors.type}>
                    <Field.Label>{t('fields.form.type', 'Type')}</Field.Label>
                    <SingleSelect value={values.type} disabled={builtIn} onChange={(v) => set('type', v as FieldType)}>
                      {FIELD_TYPES.map((type) => (
                        <SingleSelectOption key={type} value={type}>
                          {labels.fieldType(type)}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
              {hasOptions && !builtIn && (
                <OptionsEditor value={values.options ?? []} onChange={(o) => set('options', o)} error={errors.options} />
              )}
              {!builtIn && (
                <Flex direction="column" alignItems="flex-start" gap={2}>
                  {hasOptions && (
                    <Checkbox
                      checked={!!values.allowUnknownValues}
                      onCheckedChange={(c) => set('allowUnknownValues', c === true)}
                    >
                      {t('fields.form.allowUnknown', 'Allow unknown values: an import adds values it meets to the options')}
                    </Checkbox>
                  )}
                  <Checkbox checked={!!values.required} onCheckedChange={(c) => set('required', c === true)}>
                    {t('fields.form.required', 'Required: a contact must have a value')}
                  </Checkbox>
                </Flex>
              )}
              {problem && (
                <Notice variant="danger" data-testid="field-form-problem">
                  {problem}
                </Notice>
              )}
              {field && values.type !== field.type && (
                <Typography variant="pi" textColor="warning600">
                  {t('fields.form.typeChange', 'Changing the type is refused while contacts hold values for this field.')}
                </Typography>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('fields.form.cancel', 'Cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={busy} disabled={!values.label.trim() || (!field && (!values.key || keyInvalid))}>
              {field ? t('form.save', 'Save') : t('fields.form.create', 'Create')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
