import { useState } from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Check, Trash } from '@strapi/icons';
import { BackButton, Layouts, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { useContactForm } from '../hooks/useContactForm';
import { useContactMutations } from '../hooks/useContactMutations';
import type { Contact, ContactField } from '../types';
import { readApiError } from '../utils/apiError';
import { contactDisplayName, toFormValues, toPayload } from '../utils/contactForm';
import { fieldsFromValues } from '../utils/fieldsFromValues';
import { getTranslation } from '../utils/getTranslation';
import { CONTACTS_PATH, contactPath } from '../utils/paths';
import { ContactForm } from './ContactForm';
import { ContactHistorySection } from './ContactHistorySection';
import { DeleteContactDialog } from './DeleteContactDialog';

interface ContactEditorProps {
  /** Absent on the create page. */
  contact?: Contact;
  fields: ContactField[];
  /** The role cannot read field definitions: custom values are shown read-only and never sent. */
  fieldsForbidden?: boolean;
  canSave: boolean;
  canDelete: boolean;
  /** The base's unicity key, marked required. */
  uniqueKey?: 'email' | 'mobile';
}

/** Header with Save/Delete and the form; API 400s land next to their inputs. */
export const ContactEditor = ({ contact, fields, fieldsForbidden, canSave, canDelete, uniqueKey }: ContactEditorProps) => {
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const { create, update } = useContactMutations();
  // The contact as last saved, so the header shows the new name and time after Save.
  const [current, setCurrent] = useState(contact);
  const [initialValues, setInitialValues] = useState(() => toFormValues(contact));
  const { values, errors, setValue, setAttribute, setErrors, reset } = useContactForm(initialValues);
  const [isSaving, setIsSaving] = useState(false);
  const [isDeleteOpen, setDeleteOpen] = useState(false);
  const isCreating = !current;
  const modified = JSON.stringify(values) !== JSON.stringify(initialValues);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!canSave || isSaving) return;
    setIsSaving(true);
    try {
      const payload = toPayload(values, fields);
      const saved = current ? await update(current.documentId, payload) : await create(payload);
      toggleNotification({
        type: 'success',
        message: formatMessage(
          isCreating
            ? { id: getTranslation('form.created'), defaultMessage: 'Contact created' }
            : { id: getTranslation('form.saved'), defaultMessage: 'Contact saved' },
        ),
      });
      if (isCreating) {
        navigate(contactPath(saved.documentId), { replace: true });
      } else {
        const next = toFormValues(saved);
        setCurrent(saved);
        setInitialValues(next);
        reset(next);
      }
    } catch (error) {
      const { message, fieldErrors } = readApiError(error);
      setErrors(fieldErrors);
      toggleNotification({
        type: 'danger',
        message: message || formatMessage({ id: getTranslation('error.unknown'), defaultMessage: 'Something went wrong' }),
      });
    } finally {
      setIsSaving(false);
    }
  };

  const title = current
    ? contactDisplayName(current)
    : formatMessage({ id: getTranslation('form.title.create'), defaultMessage: 'Create a contact' });
  const subtitle = current
    ? formatMessage(
        canSave
          ? { id: getTranslation('form.subtitle.updated'), defaultMessage: 'Last updated {date}' }
          : {
              id: getTranslation('form.subtitle.readOnly'),
              defaultMessage: 'Last updated {date}. Your role can view this contact but not change it.',
            },
        { date: formatDate(current.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) },
      )
    : undefined;

  return (
    <form onSubmit={save} noValidate>
      <Layouts.Header
        navigationAction={<BackButton fallback={CONTACTS_PATH} />}
        title={title}
        subtitle={subtitle}
        primaryAction={
          <Flex gap={2}>
            {current && canDelete && (
              <Button type="button" variant="danger-light" startIcon={<Trash />} onClick={() => setDeleteOpen(true)}>
                {formatMessage({ id: getTranslation('form.delete'), defaultMessage: 'Delete' })}
              </Button>
            )}
            {canSave && (
              <Button type="submit" startIcon={<Check />} loading={isSaving} disabled={!isCreating && !modified}>
                {formatMessage({ id: getTranslation('form.save'), defaultMessage: 'Save' })}
              </Button>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <ContactForm
            values={values}
            errors={errors}
            fields={fieldsForbidden ? fieldsFromValues(current?.attributes) : fields}
            customFieldsDisabled={fieldsForbidden}
            disabled={!canSave}
            uniqueKey={uniqueKey}
            onChange={setValue}
            onAttributeChange={setAttribute}
          />
          {current && <ContactHistorySection documentId={current.documentId} />}
        </Flex>
      </Layouts.Content>
      {current && canDelete && (
        <DeleteContactDialog
          documentId={current.documentId}
          name={contactDisplayName(current)}
          open={isDeleteOpen}
          onOpenChange={setDeleteOpen}
          onDeleted={() => navigate(CONTACTS_PATH)}
        />
      )}
    </form>
  );
};
