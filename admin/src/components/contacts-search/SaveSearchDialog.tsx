import { useState } from 'react';
import { Field, TextInput, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Criteria } from '../../../../shared/segments';
import { useSegmentApi } from '../../hooks/useSegmentApi';
import type { ContactsTarget, Segment } from '../../segmentTypes';
import { getTranslation } from '../../utils/getTranslation';
import { FormModal } from '../FormModal';

interface SaveSearchDialogProps {
  /** dynamic: a segment with these criteria, kept up to date · static: today's results, frozen. */
  mode: 'dynamic' | 'static';
  criteria: Criteria;
  /** Every result of the search (static mode). */
  resolveTarget: () => Promise<ContactsTarget>;
  count: number;
  onClose: () => void;
  onSaved: (segment: Segment) => void;
}

/** The search as a segment: its criteria (dynamic), or its results now (static: created, then filled). */
export const SaveSearchDialog = ({ mode, criteria, resolveTarget, count, onClose, onSaved }: SaveSearchDialogProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useSegmentApi();
  const [name, setName] = useState('');
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const submit = async () => {
    let segment =
      mode === 'dynamic' ? await api.create({ name: name.trim(), kind: 'dynamic', criteria }) : await api.create({ name: name.trim(), kind: 'static' });
    if (mode === 'static') segment = await api.addMembers(segment.documentId, await resolveTarget());
    toggleNotification({
      type: 'success',
      message: t('segments.saved', 'Segment «{name}» saved: {count, plural, =0 {no contact} one {# contact} other {# contacts}}', {
        name: segment.name,
        count: segment.count,
      }),
    });
    onSaved(segment);
  };

  return (
    <FormModal
      title={mode === 'dynamic' ? t('search.saveDynamic.title', 'Save as a dynamic segment') : t('search.freeze.title', 'Freeze into a static segment')}
      confirmLabel={t('segments.save', 'Save')}
      disabled={!name.trim()}
      onSubmit={submit}
      onClose={onClose}
    >
      <Typography textColor="neutral600">
        {mode === 'dynamic'
          ? t('search.saveDynamic.hint', 'The segment keeps these criteria: its members follow the contacts as they change.')
          : t('search.freeze.hint', 'The {count, plural, one {# contact} other {# contacts}} found now become the members; later changes do not move them.', { count })}
      </Typography>
      <Field.Root name="segmentName" required>
        <Field.Label>{t('segments.name', 'Name')}</Field.Label>
        <TextInput value={name} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
      </Field.Root>
    </FormModal>
  );
};
