export const WIZARD_STEPS = ['source', 'detected', 'options', 'mapping', 'preview', 'run'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const STEP_DEFAULT_LABELS: Record<WizardStep, string> = {
  source: 'Source',
  detected: 'File format',
  options: 'Options',
  mapping: 'Mapping',
  preview: 'Preview',
  run: 'Import',
};

export const isWizardStep = (value: unknown): value is WizardStep => WIZARD_STEPS.includes(value as WizardStep);
