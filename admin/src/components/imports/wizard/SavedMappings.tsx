import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Link,
  Modal,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { useImportApi } from '../../../hooks/useImportApi';
import { useImportPermissions } from '../../../hooks/useImportPermissions';
import type { MappingSource, SavedMapping } from '../../../../../shared/imports';
import { readApiError } from '../../../utils/apiError';
import { getTranslation } from '../../../utils/getTranslation';
import { importPath } from '../../../utils/paths';
import { Notice } from '../../Notice';

/** "Suggested from the import «X» (5 of 7 columns)": where the mapping the wizard opened with came from. */
export const MappingSourceLine = ({ source }: { source: MappingSource | null }) => {
  const { formatMessage } = useIntl();
  const { canRead } = useImportPermissions();
  if (!source) return null;
  const name =
    source.kind === 'import' && canRead ? (
      <Link key="source" tag={RouterLink} to={importPath(source.documentId)}>
        {source.name}
      </Link>
    ) : (
      source.name
    );
  const values = { name, matched: source.matched, columns: source.columns };
  return (
    <Typography variant="pi" textColor="neutral700" data-testid="mapping-source">
      {source.kind === 'import'
        ? formatMessage(
            {
              id: getTranslation('imports.mapping.source.import'),
              defaultMessage: 'Suggested from the import «{name}» ({matched} of {columns} columns).',
            },
            values,
          )
        : formatMessage(
            {
              id: getTranslation('imports.mapping.source.saved'),
              defaultMessage: 'Suggested from the saved mapping «{name}» ({matched} of {columns} columns).',
            },
            values,
          )}
    </Typography>
  );
};

interface SavedMappingPickerProps {
  disabled?: boolean;
  onApply: (mapping: SavedMapping) => void;
}

/** Saved mappings to apply to this file; hidden while there are none. */
export const SavedMappingPicker = ({ disabled, onApply }: SavedMappingPickerProps) => {
  const { formatMessage } = useIntl();
  const api = useImportApi();
  const [list, setList] = useState<SavedMapping[]>([]);

  useEffect(() => {
    let current = true;
    // The list is a convenience: a failure leaves the picker out rather than the step broken.
    api
      .savedMappings()
      .then((mappings) => current && setList(mappings))
      .catch(() => current && setList([]));
    return () => {
      current = false;
    };
  }, [api]);

  if (!list.length) return null;
  return (
    <Box width="28rem">
      <SingleSelect
        size="S"
        aria-label={formatMessage({ id: getTranslation('imports.mapping.saved.apply'), defaultMessage: 'Apply a saved mapping' })}
        placeholder={formatMessage({
          id: getTranslation('imports.mapping.saved.apply'),
          defaultMessage: 'Apply a saved mapping',
        })}
        value={undefined}
        disabled={disabled}
        onChange={(id) => {
          const picked = list.find((m) => m.documentId === id);
          if (picked) onApply(picked);
        }}
      >
        {list.map((m) => (
          <SingleSelectOption key={m.documentId} value={m.documentId}>
            {formatMessage(
              {
                id: getTranslation('imports.mapping.saved.option'),
                defaultMessage: '{name} ({count, plural, one {# column} other {# columns}})',
              },
              { name: m.name, count: m.columns.length },
            )}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Box>
  );
};

interface SaveMappingDialogProps {
  defaultName: string;
  /** Saves the mapping on screen to the draft, then stores it under the name. */
  onSave: (name: string) => Promise<void>;
  onClose: () => void;
}

/** "Save this mapping as…": a name; the same name replaces the mapping saved under it. */
export const SaveMappingDialog = ({ defaultName, onSave, onClose }: SaveMappingDialogProps) => {
  const { formatMessage } = useIntl();
  const api = useImportApi();
  const [name, setName] = useState(defaultName);
  const [taken, setTaken] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  useEffect(() => {
    api
      .savedMappings()
      .then((list) => setTaken(list.map((m) => m.name)))
      .catch(() => setTaken([]));
  }, [api]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await onSave(name.trim());
      onClose();
    } catch (error) {
      setProblem(readApiError(error).message ?? t('error.unknown', 'Something went wrong. Please try again.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={t('fields.form.cancel', 'Cancel')}>
            <Modal.Title>{t('imports.mapping.saveAs.title', 'Save this mapping')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root
                name="mappingName"
                required
                hint={
                  taken.includes(name.trim())
                    ? t('imports.mapping.saveAs.replaces', 'Replaces the mapping saved under this name.')
                    : t('imports.mapping.saveAs.hint', 'Files with the same columns will be mapped the same way next time.')
                }
              >
                <Field.Label>{t('imports.mapping.saveAs.name', 'Name')}</Field.Label>
                <TextInput value={name} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
                <Field.Hint />
              </Field.Root>
              {problem && <Notice variant="danger">{problem}</Notice>}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('fields.form.cancel', 'Cancel')}</Button>
            </Modal.Close>
            <Button type="submit" startIcon={<Check />} loading={busy} disabled={!name.trim()}>
              {t('imports.mapping.saveAs.confirm', 'Save the mapping')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
