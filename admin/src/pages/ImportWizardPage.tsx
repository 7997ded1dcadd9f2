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
import type { ImportView, MappingEntry } from '../importTypes';
import { readApiError } from '../utils/apiError';
import { getTranslation } from '../utils/getTranslation';
import { CONTACTS_PATH, IMPORTS_PATH, importWizardPath, NEW_IMPORT_PATH } from '../utils/paths';

/**
 * The mapping the server suggested for a draft, kept for the tab's life so the
 * mapping step can mark the rows it filled in ("Auto") even after a reload.
 */
const suggestionKey = (documentId: string) => `contacts.import.suggested.${documentId}`;
const readSuggestion = (documentId?: string): MappingEntry[] | null => {
  if (!documentId) return null;
  try {
    return JSON.parse(sessionStorage.getItem(suggestionKey(documentId)) ?? 'null');
  } catch {
    return null;
  }
};
const keepSuggestion = (importView: ImportView) => {
  try {
    sessionStorage.setItem(suggestionKey(importView.documentId), JSON.stringify(importView.mapping));
  } catch {
    // storage full or disabled: rows are simply not marked
  }
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
  const [suggested, setSuggested] = useState(() => readSuggestion(documentId));
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
    keepSuggestion(created);
    setSuggested(created.mapping);
    navigate(`${importWizardPath(created.documentId)}?step=detected`, { replace: true });
  };

  const onResniffed = (next: ImportView) => {
    // A new header row or delimiter means new columns: the server suggested again.
    keepSuggestion(next);
    setSuggested(next.mapping);
    set(next);
  };

  const title = t('imports.wizard.title', 'Import contacts');

  if (permissions.isLoading || (documentId && isLoading)) return <Page.Loading />;
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
              {step === 'options' && (
                <OptionsStep
                  importView={importView}
                  onBack={() => go('detected')}
                  onSaved={(next) => {
                    set(next);
                    go('mapping');
                  }}
                />
              )}
              {step === 'mapping' &&
                (fieldsLoading ? (
                  <Page.Loading />
                ) : (
                  <MappingStep
                    importView={importView}
                    fields={fields}
                    suggested={suggested}
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
