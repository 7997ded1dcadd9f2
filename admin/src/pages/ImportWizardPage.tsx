import { useCallback, useState } from 'react';
import { Flex, LinkButton } from '@strapi/design-system';
import { ClockCounterClockwise } from '@strapi/icons';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { DetectedStep } from '../components/imports/wizard/DetectedStep';
import { MappingStep } from '../components/imports/wizard/MappingStep';
import { OptionsStep } from '../components/imports/wizard/OptionsStep';
import { PreviewStep } from '../components/imports/wizard/PreviewStep';
import { RunStep } from '../components/imports/wizard/RunStep';
import { SourceStep } from '../components/imports/wizard/SourceStep';
import { WizardSteps } from '../components/imports/wizard/WizardSteps';
import { isWizardStep, WIZARD_STEPS, type WizardStep } from '../components/imports/wizard/steps';
import { useFields } from '../hooks/useFields';
import { useImport } from '../hooks/useImport';
import { useImportPermissions } from '../hooks/useImportPermissions';
import { useSettings } from '../hooks/useSettings';
import type { ImportView, MappingEntry } from '../../../shared/imports';
import { readApiError } from '../utils/apiError';
import { getTranslation } from '../utils/getTranslation';
import { CONTACTS_PATH, IMPORTS_PATH, importWizardPath, NEW_IMPORT_PATH } from '../utils/paths';

/**
 * What the server suggested for a draft (its mapping, the date order of the
 * sample), kept for the tab's life so the mapping step can mark the rows it
 * filled in ("Auto") and the options step can say what was detected, even
 * after a reload.
 */
interface Suggestion {
  mapping: MappingEntry[];
  dateFormat?: string | null;
}
const suggestionKey = (documentId: string) => `contacts.import.suggested.${documentId}`;
const readSuggestion = (documentId?: string): Suggestion | null => {
  if (!documentId) return null;
  try {
    const stored = JSON.parse(sessionStorage.getItem(suggestionKey(documentId)) ?? 'null');
    // Tabs opened before the date order was kept hold the bare mapping.
    return Array.isArray(stored) ? { mapping: stored } : stored;
  } catch {
    return null;
  }
};
const keepSuggestion = (importView: ImportView, dateFormat?: string | null): Suggestion => {
  const suggestion: Suggestion = { mapping: importView.mapping, ...(dateFormat !== undefined ? { dateFormat } : {}) };
  try {
    sessionStorage.setItem(suggestionKey(importView.documentId), JSON.stringify(suggestion));
  } catch {
    // storage full or disabled: rows are simply not marked
  }
  return suggestion;
};

/**
 * /imports/new (the source step) and /imports/new/:documentId?step=… (a draft,
 * then its run). The draft lives on the server, so every step survives a reload.
 */
export const ImportWizardPage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const { formatMessage } = useIntl();
  const permissions = useImportPermissions();
  const { importView, isLoading, error, set } = useImport(documentId);
  const { fields, isLoading: fieldsLoading } = useFields();
  const { settings, isLoading: settingsLoading } = useSettings();
  const [suggested, setSuggested] = useState(() => readSuggestion(documentId));
  // Bumped when the server replaces the mapping (a saved one applied): the mapping step starts from it again.
  const [mappingVersion, setMappingVersion] = useState(0);
  const baseKey = settings?.uniqueKey ?? 'email';
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  const requested = searchParams.get('step');
  const step: WizardStep = !documentId
    ? 'source'
    : importView && importView.status !== 'draft'
      ? 'run'
      : isWizardStep(requested) && requested !== 'source' && requested !== 'run'
        ? requested
        : 'detected';

  const go = useCallback((next: WizardStep) => setSearchParams({ step: next }), [setSearchParams]);

  const onCreated = (created: ImportView) => {
    setSuggested(keepSuggestion(created, created.options.dateFormat ?? null));
    navigate(`${importWizardPath(created.documentId)}?step=detected`, { replace: true });
  };

  const onResniffed = (next: ImportView) => {
    // A new header row or delimiter means new columns: the server suggested again.
    setSuggested(keepSuggestion(next, suggested?.dateFormat));
    set(next);
  };

  const onMappingReplaced = (next: ImportView) => {
    setSuggested(keepSuggestion(next, suggested?.dateFormat));
    set(next);
    setMappingVersion((v) => v + 1);
  };

  const title = t('imports.wizard.title', 'Import contacts');

  if (permissions.isLoading || settingsLoading || (documentId && isLoading)) return <Page.Loading />;
  if (!permissions.canCreate) return <Page.NoPermissions />;
  // The wizard reads the draft back with GET, which needs imports.read too.
  if (documentId && error && readApiError(error).status === 403) return <Page.NoPermissions />;
  if (documentId && (error || !importView)) return <Page.Error />;

  const currentIndex = WIZARD_STEPS.indexOf(step);
  const canOpen = (s: WizardStep) =>
    importView?.status === 'draft' && s !== 'source' && s !== 'run' && WIZARD_STEPS.indexOf(s) < currentIndex;
  const needsDetected = step !== 'source' && !importView?.detected;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={CONTACTS_PATH} />}
        title={title}
        subtitle={importView?.name}
        primaryAction={
          permissions.canRead ? (
            <LinkButton tag={Link} to={IMPORTS_PATH} variant="tertiary" startIcon={<ClockCounterClockwise />}>
              {t('imports.history.title', 'Imports')}
            </LinkButton>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <WizardSteps current={step} canOpen={canOpen} onOpen={go} />
          {step === 'source' && <SourceStep onCreated={onCreated} />}
          {needsDetected && <Page.Error />}
          {importView && importView.detected && (
            <>
              {step === 'detected' && (
                <DetectedStep
                  importView={importView}
                  onResniffed={onResniffed}
                  onBack={() => navigate(NEW_IMPORT_PATH)}
                  onNext={() => go('options')}
                />
              )}
              {step === 'options' &&
                (fieldsLoading ? (
                  <Page.Loading />
                ) : (
                  <OptionsStep
                    importView={importView}
                    fields={fields}
                    baseKey={baseKey}
                    detectedDateFormat={suggested?.dateFormat}
                    onBack={() => go('detected')}
                    onSaved={(next) => {
                      set(next);
                      go('mapping');
                    }}
                  />
                ))}
              {step === 'mapping' &&
                (fieldsLoading ? (
                  <Page.Loading />
                ) : (
                  <MappingStep
                    key={mappingVersion}
                    importView={importView}
                    fields={fields}
                    baseKey={baseKey}
                    suggested={suggested?.mapping ?? null}
                    onReplaced={onMappingReplaced}
                    onOptions={() => go('options')}
                    onBack={() => go('options')}
                    onSaved={(next) => {
                      set(next);
                      go('preview');
                    }}
                  />
                ))}
              {step === 'preview' && (
                <PreviewStep
                  importView={importView}
                  fields={fields}
                  onBack={() => go('mapping')}
                  onStarted={(next) => set(next)}
                />
              )}
              {step === 'run' && <RunStep importView={importView} onChange={set} />}
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
