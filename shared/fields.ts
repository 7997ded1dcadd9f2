import { EMAIL_STATUSES, MOBILE_STATUSES, OPT_IN_VALUES, type FieldType } from './constants';

/**
 * The field model: each built-in contact field declared once. The contact
 * content type's schema, the write path's columns, the API's validation, the
 * import's readers, the admin's forms and the segment builder all derive from
 * this list; custom fields (stored in `attributes`) use the same readers by type.
 */

/** Readers of built-in fields that are more than their type. */
export type FieldReader = 'optIn' | 'status' | 'country' | 'tags';

export interface BuiltInField {
  key: string;
  /** English label; the admin translates it under `field.<key>`. */
  label: string;
  type: FieldType;
  reader?: FieldReader;
  options?: readonly string[];
  /** Characters a value may hold (text fields). */
  maxLength?: number;
  /**
   * Value of a new contact when nothing gives one. Opt-ins have none:
   * consent is never invented (unset reads as "unknown").
   */
  default?: string | null;
  /** May be the base's unicity key (Settings → uniqueKey). */
  keyCandidate?: boolean;
  /** Searched by the list's quick search. */
  searchable?: boolean;
  sortable?: boolean;
  /** Kept by the plugin itself: no form, API body or import column writes it. */
  readOnly?: boolean;
}

/** Built-in text columns are VARCHAR(255) on every database. */
export const TEXT_COLUMN_MAX = 255;
/** Custom text fields live in the attributes JSON; longtext has its own (configurable) limit. */
export const CUSTOM_TEXT_MAX = 10_000;
export const LONGTEXT_DEFAULT_MAX = 1024 * 1024;
export const OPTION_MAX = 255;
export const URL_MAX = 2048;
export const MULTISELECT_MAX = 1000;
export const TAGS_MAX = 100;
export const EMAIL_MAX = 254;

export const BUILT_IN_FIELDS: readonly BuiltInField[] = [
  { key: 'email', label: 'E-mail', type: 'email', maxLength: EMAIL_MAX, keyCandidate: true, searchable: true, sortable: true },
  { key: 'mobile', label: 'Mobile', type: 'phone', maxLength: 20, keyCandidate: true, searchable: true, sortable: true },
  { key: 'firstName', label: 'First name', type: 'text', maxLength: TEXT_COLUMN_MAX, searchable: true, sortable: true },
  { key: 'lastName', label: 'Last name', type: 'text', maxLength: TEXT_COLUMN_MAX, searchable: true, sortable: true },
  { key: 'company', label: 'Company', type: 'text', maxLength: TEXT_COLUMN_MAX, searchable: true, sortable: true },
  { key: 'country', label: 'Country', type: 'text', reader: 'country', maxLength: 2, sortable: true },
  { key: 'ownerId', label: 'Owner (admin user id)', type: 'integer' },
  { key: 'emailOptIn', label: 'E-mail opt-in', type: 'select', reader: 'optIn', options: OPT_IN_VALUES, default: null, sortable: true },
  { key: 'smsOptIn', label: 'SMS opt-in', type: 'select', reader: 'optIn', options: OPT_IN_VALUES, default: null, sortable: true },
  { key: 'emailStatus', label: 'E-mail status', type: 'select', reader: 'status', options: EMAIL_STATUSES, default: 'unknown' },
  { key: 'mobileStatus', label: 'Mobile status', type: 'select', reader: 'status', options: MOBILE_STATUSES, default: 'unknown' },
  { key: 'tags', label: 'Tags', type: 'multiselect', reader: 'tags' },
  /** Set by imports and content-API writes; "active" contacts had some within `activityDays`. */
  { key: 'lastActivityAt', label: 'Last activity', type: 'datetime', sortable: true, readOnly: true },
];

/** A field as the readers, the mapping and the forms see it: a built-in one, or a custom one (stored in `attributes`). */
export interface FieldDefinition {
  key: string;
  label: string;
  type: FieldType;
  reader?: FieldReader;
  options?: readonly string[] | null;
  allowUnknownValues?: boolean;
  required?: boolean;
  builtIn?: boolean;
  maxLength?: number;
  readOnly?: boolean;
}

export const BUILT_IN_FIELD_KEYS = BUILT_IN_FIELDS.map((f) => f.key);

/** Built-in fields a person, a file or an API body may write. */
export const WRITABLE_FIELDS = BUILT_IN_FIELDS.filter((f) => !f.readOnly);

export const builtInField = (key: string): BuiltInField | undefined => BUILT_IN_FIELDS.find((f) => f.key === key);

/** Fields that can be the base's unicity key, and so what an import may match on. */
export const KEY_FIELDS = BUILT_IN_FIELDS.filter((f) => f.keyCandidate).map((f) => f.key) as Array<'email' | 'mobile'>;

/** Values of a new contact that no cell, option or person gave (never an opt-in). */
export const NEW_CONTACT_DEFAULTS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(BUILT_IN_FIELDS.filter((f) => typeof f.default === 'string').map((f) => [f.key, f.default as string]))
);
