/**
 * One source of truth for the plugin's vocabularies: the server, the admin and
 * the tests import these lists instead of repeating literals. No imports here:
 * the admin bundle reads this file as it is.
 */
export const PLUGIN_ID = 'contacts';

export const UID = {
  contact: 'plugin::contacts.contact',
  field: 'plugin::contacts.field',
  import: 'plugin::contacts.import',
  importError: 'plugin::contacts.import-error',
  segment: 'plugin::contacts.segment',
  export: 'plugin::contacts.export',
  mapping: 'plugin::contacts.mapping',
  recurringImport: 'plugin::contacts.recurring-import',
  scheduledExport: 'plugin::contacts.scheduled-export',
} as const;

export const OPT_IN_VALUES = ['yes', 'no', 'orange', 'blocklist'] as const;
export type OptIn = (typeof OPT_IN_VALUES)[number];

export const EMAIL_STATUSES = [
  'unknown',
  'valid',
  'absent',
  'soft',
  'rejected',
  'bad_alias',
  'bad_domain',
  'bad_syntax',
] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const MOBILE_STATUSES = ['unknown', 'valid', 'number_error', 'bad_number', 'bad_format'] as const;
export type MobileStatus = (typeof MOBILE_STATUSES)[number];

export const FIELD_TYPES = [
  'text',
  'longtext',
  'integer',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'email',
  'phone',
  'url',
  'select',
  'multiselect',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const IMPORT_STATUSES = [
  'draft',
  'queued',
  'in_progress',
  'imported',
  'failed',
  'stopped',
  'delayed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Statuses a worker may pick up, and statuses in which the import holds or waits for a slot. */
export const IMPORT_RUNNABLE_STATUSES: ImportStatus[] = ['queued', 'delayed'];
export const IMPORT_ACTIVE_STATUSES: ImportStatus[] = ['queued', 'delayed', 'in_progress'];
/** Ended runs: what the history cap counts (drafts expire on their own). */
export const IMPORT_FINISHED_STATUSES: ImportStatus[] = ['imported', 'failed', 'stopped'];
/** What resume takes back to the queue (it continues after the last committed batch). */
export const IMPORT_RESUMABLE_STATUSES: ImportStatus[] = ['stopped', 'failed'];

/** A problem of an import row: `error` failed the row; `warning` dropped a cell of a contact that was written. */
export const IMPORT_PROBLEM_LEVELS = ['error', 'warning'] as const;
export type ImportProblemLevel = (typeof IMPORT_PROBLEM_LEVELS)[number];

export const IMPORT_SOURCES = ['upload', 'paste', 'url', 'sftp'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];
export const IMPORT_MODES = ['upsert', 'create', 'update', 'fill-empty'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
/**
 * Day/month orders a person can choose for an import (one entry per reading:
 * the readers accept / - . as separators and 2- or 4-digit years in each).
 * ISO dates (year first) are never ambiguous and read as such whatever the choice.
 */
export const DATE_FORMATS = ['DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
/** How ambiguous dates read when an import sets no format. */
export const DEFAULT_DATE_FORMAT: DateFormat = 'DD/MM/YYYY';

export const UNIQUE_KEYS = ['email', 'mobile'] as const;
export type UniqueKey = (typeof UNIQUE_KEYS)[number];

export const SEGMENT_KINDS = ['static', 'dynamic'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** An export is created queued (there is no draft step: the request says everything). */
export const EXPORT_STATUSES = ['queued', 'in_progress', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export const EXPORT_ACTIVE_STATUSES: ExportStatus[] = ['queued', 'in_progress'];
/** Ended runs: what the history cap (`exportHistoryMax`) counts. */
export const EXPORT_FINISHED_STATUSES: ExportStatus[] = ['done', 'failed'];

/** RBAC: one read/create/manage triple per capability, plus settings. */
export const CAPABILITIES = ['contacts', 'fields', 'imports', 'segments', 'exports'] as const;
export type Capability = (typeof CAPABILITIES)[number];
export const ACTION_VERBS = ['read', 'create', 'manage'] as const;

export const action = (capability: Capability | 'settings', verb?: string) =>
  `plugin::${PLUGIN_ID}.${capability}${verb ? `.${verb}` : ''}`;

export const PERMISSIONS = {
  contacts: { read: action('contacts', 'read'), create: action('contacts', 'create'), manage: action('contacts', 'manage') },
  fields: { read: action('fields', 'read'), create: action('fields', 'create'), manage: action('fields', 'manage') },
  imports: { read: action('imports', 'read'), create: action('imports', 'create'), manage: action('imports', 'manage') },
  segments: { read: action('segments', 'read'), create: action('segments', 'create'), manage: action('segments', 'manage') },
  exports: { read: action('exports', 'read'), create: action('exports', 'create'), manage: action('exports', 'manage') },
  settings: action('settings'),
} as const;

/** Webhook events emitted through Strapi's event hub (Settings → Webhooks). */
export const WEBHOOK_EVENTS = {
  importFinished: 'contacts.import.finished',
  importFailed: 'contacts.import.failed',
  exportFinished: 'contacts.export.finished',
  exportFailed: 'contacts.export.failed',
} as const;
