import { useState } from 'react';
import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useSegmentApi } from '../../hooks/useSegmentApi';
import { useStaticSegments } from '../../hooks/useStaticSegments';
import { getTranslation } from '../../utils/getTranslation';
import { FormModal } from '../FormModal';
import type { BulkDialogProps } from './bulkDialog';

/** Adds the selected contacts (or every result) to a static segment, or removes them from one. */
export const BulkSegmentDialog = ({ mode, count, resolveTarget, onClose, onDone }: BulkDialogProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useSegmentApi();
  const { segments, isLoading } = useStaticSegments();
  const [segmentId, setSegmentId] = useState('');
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const submit = async () => {
    const target = await resolveTarget();
    const segment = mode === 'add' ? await api.addMembers(segmentId, target) : await api.removeMembers(segmentId, target);
    toggleNotification({
      type: 'success',
      message: t('bulk.segment.done', '«{name}» now has {count, plural, =0 {no contact} one {# contact} other {# contacts}}.', {
        name: segment.name,
        count: segment.count,
      }),
    });
    onDone();
  };

  return (
    <FormModal
      title={
        mode === 'add'
          ? t('bulk.segment.addTitle', 'Add {count, plural, one {# contact} other {# contacts}} to a static segment', { count })
          : t('bulk.segment.removeTitle', 'Remove {count, plural, one {# contact} other {# contacts}} from a static segment', { count })
      }
      confirmLabel={mode === 'add' ? t('bulk.segment.add', 'Add') : t('bulk.segment.remove', 'Remove')}
      disabled={!segmentId}
      onSubmit={submit}
      onClose={onClose}
    >
      <Field.Root
        name="segment"
        hint={!isLoading && !segments.length ? t('bulk.segment.none', 'No static segment yet: create one on the segments page, or freeze this search.') : undefined}
      >
        <Field.Label>{t('bulk.segment.label', 'Static segment')}</Field.Label>
        <SingleSelect
          value={segmentId || undefined}
          placeholder={t('segments.condition.segment.placeholder', 'Choose a segment')}
          onChange={(v) => setSegmentId(String(v))}
        >
          {segments.map((s) => (
            <SingleSelectOption key={s.documentId} value={s.documentId}>
              {s.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
      </Field.Root>
    </FormModal>
  );
};
