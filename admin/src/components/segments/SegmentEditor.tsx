import { useMemo, useState } from 'react';
import { Box, Button, Field, Flex, Grid, LinkButton, Radio, Textarea, TextInput, Typography } from '@strapi/design-system';
import { Check, User } from '@strapi/icons';
import { BackButton, Layouts, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router-dom';
import { useCriteriaPreview } from '../../hooks/useCriteriaPreview';
import { useApiErrorNotification } from '../../hooks/useApiErrorNotification';
import { useExportTargets } from '../../hooks/useExportTargets';
import { useSegmentApi } from '../../hooks/useSegmentApi';
import type { Segment, SegmentKind } from '../../segmentTypes';
import { readApiError } from '../../utils/apiError';
import { getTranslation } from '../../utils/getTranslation';
import { SEGMENTS_PATH, segmentContactsPath } from '../../utils/paths';
import { Card } from '../Card';
import { ExportButton } from '../exports/ExportButton';
import { Notice } from '../Notice';
import { CriteriaBuilder } from './criteria/CriteriaBuilder';
import { emptyGroup, errorsByKey, fromCriteria, toCriteria, type DraftGroup } from './criteria/criteriaModel';
import { useDescribeCriteria } from './criteria/useDescribeCriteria';
import { LivePreview } from './LivePreview';
import { RefreshSegmentButton } from './RefreshSegmentButton';

interface SegmentEditorProps {
  /** Absent: a new segment. */
  segment?: Segment;
  canSave: boolean;
  canRefresh: boolean;
  onRefreshed: () => void;
}

/**
 * Name, kind and, for a dynamic segment, its criteria with the live count.
 * A default segment shows its criteria read-only (only its name changes).
 */
export const SegmentEditor = ({ segment, canSave, canRefresh, onRefreshed }: SegmentEditorProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useApiErrorNotification();
  const navigate = useNavigate();
  const api = useSegmentApi();
  const describe = useDescribeCriteria();
  const exportTargets = useExportTargets();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [kind, setKind] = useState<SegmentKind>(segment?.kind ?? 'dynamic');
  const [draft, setDraft] = useState<DraftGroup>(() => (segment?.criteria ? fromCriteria(segment.criteria) : emptyGroup()));
  const [nameError, setNameError] = useState<string>();
  const [saveErrors, setSaveErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const editable = canSave && !segment?.builtIn;
  const compiled = useMemo(() => toCriteria(draft), [draft]);
  const preview = useCriteriaPreview(kind === 'dynamic' && editable ? compiled.criteria : null);
  const errors = useMemo(() => ({ ...errorsByKey(compiled, preview.error), ...saveErrors }), [compiled, preview.error, saveErrors]);
  const title = segment ? segment.name : t('segments.new', 'New segment');

  const changeDraft = (next: DraftGroup) => {
    setDraft(next);
    setSaveErrors({});
  };

  const save = async () => {
    if (!name.trim()) {
      setNameError(t('segments.name.required', 'Give the segment a name'));
      return;
    }
    if (kind === 'dynamic' && editable && compiled.incomplete.length) {
      const message = t('segments.condition.incomplete', 'Complete this condition or remove it');
      setSaveErrors(Object.fromEntries(compiled.incomplete.map((key) => [key, message])));
      return;
    }
    setBusy(true);
    setNameError(undefined);
    try {
      const body = { name: name.trim(), description: description.trim() || null };
      const criteria = kind === 'dynamic' && editable ? { criteria: compiled.criteria } : {};
      const saved = segment ? await api.update(segment.documentId, { ...body, ...criteria }) : await api.create({ ...body, kind, ...criteria });
      toggleNotification({
        type: 'success',
        message: t('segments.saved', 'Segment «{name}» saved: {count, plural, =0 {no contact} one {# contact} other {# contacts}}', {
          name: saved.name,
          count: saved.count,
        }),
      });
      navigate(SEGMENTS_PATH);
    } catch (error) {
      const info = readApiError(error);
      const byKey = errorsByKey(compiled, info);
      if (info.fieldErrors.name) setNameError(info.fieldErrors.name);
      else if (Object.keys(byKey).length) setSaveErrors(byKey);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Layouts.Header
        navigationAction={<BackButton fallback={SEGMENTS_PATH} />}
        title={title}
        subtitle={segment?.builtIn ? t('segments.builtIn.hint', 'A default segment: its criteria are fixed, its name can change.') : undefined}
        primaryAction={
          <Flex gap={2}>
            {segment && (
              <LinkButton tag={Link} to={segmentContactsPath(segment.documentId)} variant="tertiary" startIcon={<User />}>
                {t('segments.seeContacts', 'See the contacts')}
              </LinkButton>
            )}
            {segment && canRefresh && segment.kind === 'dynamic' && <RefreshSegmentButton segment={segment} onRefreshed={onRefreshed} />}
            {segment && <ExportButton variant="tertiary" target={() => exportTargets.segment(segment)} />}
            {canSave && (
              <Button startIcon={<Check />} loading={busy} onClick={save}>
                {t('segments.save', 'Save')}
              </Button>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Grid.Root gap={6}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch" gap={6}>
            <Card title={t('segments.card.segment', 'Segment')}>
              <Field.Root name="name" error={nameError} required>
                <Field.Label>{t('segments.name', 'Name')}</Field.Label>
                <TextInput
                  value={name}
                  disabled={!canSave}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                    setName(e.target.value);
                    setNameError(undefined);
                  }}
                />
                <Field.Error />
              </Field.Root>
              <Field.Root name="description">
                <Field.Label>{t('segments.description', 'Description')}</Field.Label>
                <Textarea value={description} disabled={!canSave} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setDescription(e.target.value)} />
              </Field.Root>
              <Field.Root name="kind">
                <Field.Label>{t('segments.kind', 'Kind')}</Field.Label>
                {segment ? (
                  <Typography textColor="neutral800">
                    {segment.kind === 'dynamic' ? t('segments.kind.dynamic', 'Dynamic') : t('segments.kind.static', 'Static')}
                  </Typography>
                ) : (
                  <Radio.Group value={kind} onValueChange={(v) => setKind(v as SegmentKind)} aria-label={t('segments.kind', 'Kind')}>
                    {(['dynamic', 'static'] as const).map((k) => (
                      <Box key={k} paddingBottom={1}>
                        <Radio.Item value={k}>{k === 'dynamic' ? t('segments.kind.dynamic', 'Dynamic') : t('segments.kind.static', 'Static')}</Radio.Item>
                        <Box paddingLeft={6}>
                          <Typography variant="pi" textColor="neutral600">
                            {k === 'dynamic'
                              ? t('segments.kind.dynamic.hint', 'The contacts matching criteria, recomputed after imports and on schedule.')
                              : t('segments.kind.static.hint', 'Contacts added by hand: from a search, a selection or an import.')}
                          </Typography>
                        </Box>
                      </Box>
                    ))}
                  </Radio.Group>
                )}
              </Field.Root>
            </Card>
            {kind === 'dynamic' && (
              <Card
                title={t('segments.card.criteria', 'Criteria')}
                description={t('segments.card.criteria.hint', 'Relative dates ("in the last 30 days") are counted from each refresh.')}
              >
                {editable ? (
                  <CriteriaBuilder value={draft} onChange={changeDraft} errors={errors} excludeSegment={segment?.documentId} />
                ) : (
                  <Typography textColor="neutral800" data-testid="criteria-read-only">
                    {describe(segment?.criteria)}
                  </Typography>
                )}
              </Card>
            )}
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch" gap={6}>
            {kind === 'dynamic' && editable ? (
              // Stays in view while long criteria scroll (below the header, which sticks too).
              <Box style={{ position: 'sticky', top: '8rem' }}>
                <Card title={t('segments.card.count', 'Live count')}>
                  <LivePreview state={preview} />
                </Card>
              </Box>
            ) : segment ? (
              <Card title={t('segments.card.members', 'Members')}>
                <Typography variant="alpha" tag="p" data-testid="segment-members-count">
                  {t('segments.preview.count', '{count, plural, =0 {No contact} one {# contact} other {# contacts}}', { count: segment.count })}
                </Typography>
              </Card>
            ) : (
              <Notice>{t('segments.static.hint', 'Save the segment, then add contacts from the contacts page (a selection or every result of a search).')}</Notice>
            )}
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </>
  );
};
