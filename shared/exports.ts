import type { ExportFormat } from './constants';
import type { Criteria } from './segments';
import { SYSTEM_CRITERIA_FIELDS } from './segments';

/**
 * What an export can hold, declared once: the server builds its columns from
 * these lists, the import reads our own headers back with them, and the admin
 * and the tests offer and check the same choices.
 */

/** Sendethic's "degré d'activité": active when the contact showed activity within `activityDays` (the segments' rule). */
export const ACTIVITY_COLUMN = { key: 'activity', label: 'Activity degree', values: ['active', 'inactive'] as const };

/** Columns that are not contact fields: Strapi's timestamps (as the criteria name them) and the activity degree. */
export const EXPORT_EXTRA_COLUMNS: ReadonlyArray<{ key: string; label: string; type: 'datetime' | 'select' }> = [
  ...SYSTEM_CRITERIA_FIELDS.map((f) => ({ key: f.key, label: f.label, type: 'datetime' as const })),
  { key: ACTIVITY_COLUMN.key, label: ACTIVITY_COLUMN.label, type: 'select' as const },
];

/** Sendethic's 12 main fields, in its order (the `"main"` preset). */
export const MAIN_EXPORT_FIELDS = [
  'firstName',
  'lastName',
  'company',
  'email',
  'emailOptIn',
  'emailStatus',
  'mobile',
  'smsOptIn',
  'mobileStatus',
  'createdAt',
  'updatedAt',
  ACTIVITY_COLUMN.key,
] as const;

export const EXPORT_FIELD_PRESETS = ['main', 'all'] as const;
export type ExportFieldPreset = (typeof EXPORT_FIELD_PRESETS)[number];
/** CSV delimiters offered (TAB gives a TSV that Excel opens as is). */
export const EXPORT_DELIMITERS = [',', ';', '\t'] as const;
/** Header row: the labels in the admin's language, or the field keys (stable, for scripts). */
export const EXPORT_HEADERS = ['labels', 'keys'] as const;
/** A multiselect as one cell "a|b", or one X column per option (the form the import reads as `{ column, field, option }`). */
export const EXPORT_MULTISELECT = ['joined', 'columns'] as const;
export const EXPORT_LOCALES = ['en', 'fr'] as const;
export type ExportLocale = (typeof EXPORT_LOCALES)[number];

/** List cells are joined with a pipe: the import splits on pipes first, so items holding commas survive. */
export const LIST_SEPARATOR = '|';
/** Header of an X column: "<field header>: <option>". */
export const X_COLUMN_SEPARATOR = ': ';
export const X_MARK = 'X';

/** Which contacts an export holds (POST /contacts/exports `scope`). */
export type ExportScope = { all: true } | { segment: string } | { criteria: Criteria } | { import: string } | { ids: string[] };
export const EXPORT_SCOPE_KINDS = ['all', 'segment', 'criteria', 'import', 'ids'] as const;
/** A longer selection is a search: send its criteria instead. */
export const EXPORT_IDS_MAX = 10_000;

/** How the file is written (POST /contacts/exports, besides scope, fields and format). */
export interface ExportOptions {
  delimiter: (typeof EXPORT_DELIMITERS)[number];
  bom: boolean;
  headers: (typeof EXPORT_HEADERS)[number];
  multiselect: (typeof EXPORT_MULTISELECT)[number];
  locale: ExportLocale;
}

/** POST /contacts/exports (and the saved request of a scheduled export). */
export interface ExportRequest extends Partial<Omit<ExportOptions, 'locale'>> {
  name?: string;
  scope: ExportScope;
  /** A preset or the ordered keys. */
  fields: ExportFieldPreset | string[];
  format: ExportFormat;
  /** Admin user ids told by e-mail at the end (default: the person who asks). */
  notify?: number[];
}
