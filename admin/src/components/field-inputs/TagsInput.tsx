import { useState } from 'react';
import { Field, Flex, Tag, TextInput } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { InputLabel } from './InputLabel';
import type { InputBaseProps } from './types';

interface TagsInputProps extends InputBaseProps {
  value: string[];
  onChange: (value: string[]) => void;
}

/** Free-form tags: Enter or a comma adds the typed tag; leaving the input adds it too, so Save never drops it. */
export const TagsInput = ({ name, label, labelHidden, error, hint, required, disabled, value, onChange }: TagsInputProps) => {
  const { formatMessage } = useIntl();
  const [draft, setDraft] = useState('');

  const commit = () => {
    const added = draft
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t && !value.includes(t));
    if (added.length) onChange([...value, ...added]);
    setDraft('');
  };

  return (
    <Field.Root name={name} id={name} error={error} hint={hint} required={required}>
      <InputLabel label={label} hidden={labelHidden} />
      <TextInput
        value={draft}
        disabled={disabled}
        placeholder={
          disabled
            ? undefined
            : formatMessage({ id: getTranslation('form.tags.placeholder'), defaultMessage: 'Type a tag and press Enter' })
        }
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e: React.KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            commit();
          }
        }}
      />
      <Field.Hint />
      <Field.Error />
      {value.length > 0 && (
        <Flex gap={2} wrap="wrap" paddingTop={2}>
          {value.map((tag) => (
            <Tag
              key={tag}
              icon={<Cross />}
              disabled={disabled}
              label={formatMessage({ id: getTranslation('form.tags.remove'), defaultMessage: 'Remove {tag}' }, { tag })}
              onClick={() => onChange(value.filter((t) => t !== tag))}
            >
              {tag}
            </Tag>
          ))}
        </Flex>
      )}
    </Field.Root>
  );
};
