import { useEffect, useRef, useState } from 'react';
import { Box, Button, Field, Flex, Loader, Tabs, Textarea, Typography } from '@strapi/design-system';
import { CloudUpload, FileCsv, FileXls } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useFormat } from '../../../hooks/useFormat';
import { styled } from 'styled-components';
import { Card } from '../../Card';
import { Notice } from '../../Notice';
import { useApiErrorNotification } from '../../../hooks/useApiErrorNotification';
import { useImportApi } from '../../../hooks/useImportApi';
import { IMPORT_EXTENSIONS, type ImportLimits, type ImportView } from '../../../../../shared/imports';
import { readApiError } from '../../../utils/apiError';
import { getTranslation } from '../../../utils/getTranslation';
import { WizardFooter } from './WizardFooter';

const DropZone = styled.label<{ $active: boolean }>`
  display: flex;
  flex-direction: column;
  align-items: center;
  justify-content: center;
  gap: ${({ theme }) => theme.spaces[3]};
  padding: ${({ theme }) => theme.spaces[8]};
  border: 2px dashed ${({ theme, $active }) => ($active ? theme.colors.primary600 : theme.colors.neutral300)};
  border-radius: ${({ theme }) => theme.borderRadius};
  background: ${({ theme, $active }) => ($active ? theme.colors.primary100 : theme.colors.neutral100)};
  cursor: pointer;
  text-align: center;
  &:focus-within {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
  }
`;

const extensionOf = (name: string) => /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';

interface SourceStepProps {
  onCreated: (importView: ImportView) => void;
}

/** A file (drag and drop or picker) or pasted text becomes a draft import the server has sniffed. */
export const SourceStep = ({ onCreated }: SourceStepProps) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const api = useImportApi();
  const notifyError = useApiErrorNotification();
  const input = useRef<HTMLInputElement>(null);
  const [limits, setLimits] = useState<ImportLimits | null>(null);
  const [tab, setTab] = useState<'file' | 'paste'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  useEffect(() => {
    api
      .limits()
      .then(setLimits)
      .catch(() => setLimits(null));
  }, [api]);

  const extensions = limits?.extensions ?? IMPORT_EXTENSIONS;

  const choose = (picked: File | undefined | null) => {
    if (!picked) return;
    setProblem(null);
    if (!extensions.includes(extensionOf(picked.name))) {
      setFile(null);
      setProblem(t('imports.source.badType', '"{name}" is not a CSV, TSV, TXT or XLSX file.', { name: picked.name }));
      return;
    }
    if (limits && picked.size > limits.maxFileSize) {
      setFile(null);
      setProblem(
        t('imports.source.tooBig', '"{name}" is {size}; the limit is {max}.', {
          name: picked.name,
          size: format.bytes(picked.size),
          max: format.bytes(limits.maxFileSize),
        }),
      );
      return;
    }
    setFile(picked);
  };

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const created = tab === 'file' ? await api.upload(file!) : await api.paste(text);
      onCreated(created);
    } catch (error) {
      setProblem(readApiError(error).message ?? null);
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const ready = tab === 'file' ? !!file : text.trim() !== '';
  const FileIcon = file && extensionOf(file.name) === '.xlsx' ? FileXls : FileCsv;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Card
        title={t('imports.source.title', 'Where are your contacts?')}
        description={t(
          'imports.source.description',
          'Upload a file exported from a spreadsheet or another tool, or paste rows copied from a spreadsheet.',
        )}
      >
        <Tabs.Root value={tab} onValueChange={(v) => setTab(v as 'file' | 'paste')}>
          <Tabs.List aria-label={t('imports.source.title', 'Where are your contacts?')}>
            <Tabs.Trigger value="file">{t('imports.source.tab.file', 'Upload a file')}</Tabs.Trigger>
            <Tabs.Trigger value="paste">{t('imports.source.tab.paste', 'Paste text')}</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="file">
            <Box paddingTop={4}>
              <DropZone
                $active={dragging}
                data-testid="import-dropzone"
                onDragOver={(e) => {
                  e.preventDefault();
                  setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={(e) => {
                  e.preventDefault();
                  setDragging(false);
                  choose(e.dataTransfer.files?.[0]);
                }}
              >
                <input
                  ref={input}
                  type="file"
                  accept={extensions.join(',')}
                  style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
                  data-testid="import-file-input"
                  onChange={(e) => choose(e.target.files?.[0])}
                />
                {file ? (
                  <>
                    <FileIcon width="4.8rem" height="4.8rem" fill="primary600" />
                    <Typography variant="delta" textColor="neutral800" data-testid="import-file-name">
                      {file.name}
                    </Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {format.bytes(file.size)}
                    </Typography>
                    <Typography variant="pi" textColor="primary600">
                      {t('imports.source.replace', 'Drop another file or click to replace it')}
                    </Typography>
                  </>
                ) : (
                  <>
                    <CloudUpload width="4.8rem" height="4.8rem" fill="primary600" />
                    <Typography variant="delta" textColor="neutral800">
                      {t('imports.source.drop', 'Drag and drop a file here, or click to choose one')}
                    </Typography>
                    <Typography variant="pi" textColor="neutral600" data-testid="import-limits">
                      {limits
                        ? t('imports.source.accepted', '{extensions} · up to {max}', {
                            extensions: extensions.map((e) => e.slice(1).toUpperCase()).join(', '),
                            max: format.bytes(limits.maxFileSize),
                          })
                        : extensions.map((e) => e.slice(1).toUpperCase()).join(', ')}
                    </Typography>
                  </>
                )}
              </DropZone>
              <Box paddingTop={3}>
                <Typography variant="pi" textColor="neutral600">
                  {t(
                    'imports.source.tips',
                    'Tips: one contact per row, a header row naming the columns (e.g. email, firstName). Any encoding (UTF-8, Windows-1252…) and the usual delimiters (, ; tab |) are detected.',
                  )}
                </Typography>
              </Box>
            </Box>
          </Tabs.Content>
          <Tabs.Content value="paste">
            <Box paddingTop={4}>
              <Field.Root
                name="pasted"
                hint={
                  limits ? t('imports.source.pasteLimit', 'Up to {max}.', { max: format.bytes(limits.maxFileSize) }) : undefined
                }
              >
                <Field.Label>{t('imports.source.pasteLabel', 'Rows to import, with a header row')}</Field.Label>
                <Textarea
                  value={text}
                  placeholder={'email;firstName;lastName\nada@example.com;Ada;Lovelace'}
                  onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)}
                  style={{ minHeight: '20rem', fontFamily: 'monospace' }}
                />
                <Field.Hint />
              </Field.Root>
            </Box>
          </Tabs.Content>
        </Tabs.Root>
        {busy && (
          <Flex gap={2}>
            <Loader small />
            <Typography textColor="neutral600">{t('imports.source.uploading', 'Uploading and analysing…')}</Typography>
          </Flex>
        )}
        {problem && (
          <Notice variant="danger" data-testid="source-problem">
            {problem}
          </Notice>
        )}
      </Card>
      <WizardFooter
        onNext={submit}
        nextDisabled={!ready}
        isLoading={busy}
        nextLabel={t('imports.source.next', 'Upload and analyse')}
      >
        {tab === 'file' && !file && (
          <Button variant="secondary" onClick={() => input.current?.click()}>
            {t('imports.source.choose', 'Choose a file')}
          </Button>
        )}
      </WizardFooter>
    </Flex>
  );
};
