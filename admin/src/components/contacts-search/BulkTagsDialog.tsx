import { useState } from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useContactMutations } from '../../hooks/useContactMutations';
import { getTranslation } from '../../utils/getTranslation';
import { TagsInput } from '../field-inputs/TagsInput';
import { FormModal } from '../FormModal';
import type { BulkDialogProps } from './bulkDialog';

/** Adds tags to, or removes tags from, the selected contacts (or every result). */
export const BulkTagsDialog = ({ mode, count, resolveTarget, onClose, onDone }: BulkDialogProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { bulk } = useContactMutations();
  const [tags, setTags] = useState<string[]>([]);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const submit = async () => {
    const { affected } = await bulk({ action: mode === 'add' ? 'addTags' : 'removeTags', tags }, await resolveTarget());
    toggleNotification({
      type: 'success',
      message:
        mode === 'add'
          ? t('bulk.tags.added', 'Tags added to {count, plural, one {# contact} other {# contacts}}.', { count: affected })
          : t('bulk.tags.removed', 'Tags removed from {count, plural, one {# contact} other {# contacts}}.', { count: affected }),
    });
    onDone();
  };

  return (
    <FormModal
      title={
        mode === 'add'
          ? t('bulk.tags.addTitle', 'Add tags to {count, plural, one {# contact} other {# contacts}}', { count })
          : t('bulk.tags.removeTitle', 'Remove tags from {count, plural, one {# contact} other {# contacts}}', { count })
      }
      confirmLabel={mode === 'add' ? t('bulk.segment.add', 'Add') : t('bulk.segment.remove', 'Remove')}
      disabled={!tags.length}
      onSubmit={submit}
      onClose={onClose}
    >
      <TagsInput name="bulkTags" label={t('field.tags', 'Tags')} value={tags} onChange={setTags} />
    </FormModal>
  );
};
