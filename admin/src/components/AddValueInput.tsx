import { useState } from 'react';
import { Box, Button, Flex, TextInput } from '@strapi/design-system';
import { Plus } from '@strapi/icons';

interface AddValueInputProps {
  label: string;
  placeholder: string;
  addLabel: string;
  /** The typed text (never blank), as typed: the caller splits, trims and drops what it already has. */
  onAdd: (text: string) => void;
  /** Of the text box; the button is small either way. */
  size?: 'S' | 'M';
  /** The text box's width; unset, it takes the row. */
  width?: string;
  paddingTop?: 1 | 2;
}

/** A text box and an Add button for lists people type into; Enter adds as the button does, inside a form too. */
export const AddValueInput = ({ label, placeholder, addLabel, onAdd, size = 'M', width, paddingTop = 1 }: AddValueInputProps) => {
  const [draft, setDraft] = useState('');
  const add = () => {
    if (!draft.trim()) return;
    onAdd(draft);
    setDraft('');
  };
  return (
    <Flex gap={2} paddingTop={paddingTop}>
      <Box {...(width ? { width } : { flex: '1' })}>
        <TextInput
          size={size}
          aria-label={label}
          placeholder={placeholder}
          value={draft}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft(e.target.value)}
          onKeyDown={(e: React.KeyboardEvent<HTMLInputElement>) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
      </Box>
      <Button size="S" variant="secondary" startIcon={<Plus />} disabled={!draft.trim()} onClick={add}>
        {addLabel}
      </Button>
    </Flex>
  );
};
