import type { ExportFormat } from '../../../../shared/constants';
import { EXPORT_EXTRA_COLUMNS, MAIN_EXPORT_FIELDS, type ExportScope } from '../../../../shared/exports';
import type { Criteria } from '../../../../shared/segments';
import type { ExportRequest } from '../../exportTypes';
import type { ContactField } from '../../types';

/** What an export dialog is opened on: the page says what, and how many when it knows. */
export interface ExportTarget {
  /** A function when the contacts are read at submit (a quick search's results are collected then). */
  scope: ExportScope | (() => Promise<ExportScope>);
  /** Shown read-only, and the export's (and its file's) name: "Segment Paris VIP". */
  name: string;
  /** Contacts it holds when the page knows; otherwise counted when the dialog opens. */
  count?: number;
  /** Why this cannot be exported as it is (the dialog says so and offers no submit). */
  blocked?: string;
}

/** `pick`: an ordered list of keys (`picked`). */
export type FieldsChoice = 'main' | 'all' | 'pick';

export interface ExportForm {
  fields: FieldsChoice;
  picked: string[];
  format: ExportFormat;
  delimiter: ',' | ';' | '\t';
  bom: boolean;
  headers: 'labels' | 'keys';
  multiselect: 'joined' | 'columns';
  /** null: the server's default, the person who asks. */
  notify: number[] | null;
}

/** The server's defaults, and the main fields as the picker's starting list. */
export const DEFAULT_EXPORT_FORM: ExportForm = {
  fields: 'main',
  picked: [...MAIN_EXPORT_FIELDS],
  format: 'csv',
  delimiter: ',',
  bom: true,
  headers: 'labels',
  multiselect: 'joined',
  notify: null,
};

/** The request: the delimiter and BOM only mean something to a CSV. */
export const toRequestBody = (form: ExportForm, scope: ExportScope, name: string): ExportRequest => ({
  name,
  scope,
  fields: form.fields === 'pick' ? form.picked : form.fields,
  format: form.format,
  ...(form.format === 'csv' ? { delimiter: form.delimiter, bom: form.bom } : {}),
  headers: form.headers,
  multiselect: form.multiselect,
  ...(form.notify ? { notify: form.notify } : {}),
});

/** The criteria that count a scope (POST /segments/preview); null for a selection (its length) or one read later. */
export const criteriaOf = (scope: ExportTarget['scope']): Criteria | null => {
  if (typeof scope === 'function' || 'ids' in scope) return null;
  if ('all' in scope) return { match: 'all', conditions: [] };
  if ('segment' in scope) return { match: 'all', conditions: [{ inSegment: scope.segment }] };
  if ('import' in scope) return { match: 'all', conditions: [{ inImport: scope.import }] };
  return scope.criteria;
};

/** A column the picker offers. */
export interface ExportableField {
  key: string;
  label: string;
  /** A custom multiselect with options: the one kind the X-column choice changes. */
  hasOptionColumns: boolean;
}

/** Every column an export may hold, in the "all" order: built-in fields, custom fields, then dates and the activity degree. */
export const exportableFields = (stored: readonly ContactField[], labelOf: (f: { key: string; label: string; builtIn?: boolean }) => string): ExportableField[] => {
  // A custom field's label is the person's own; built-in ones are translated.
  const field = (f: ContactField): ExportableField => ({
    key: f.key,
    label: f.builtIn ? labelOf(f) : f.label,
    hasOptionColumns: !f.builtIn && f.type === 'multiselect' && (f.options ?? []).length > 0,
  });
  return [
    ...stored.filter((f) => f.builtIn).map(field),
    ...stored.filter((f) => !f.builtIn).map(field),
    ...EXPORT_EXTRA_COLUMNS.map((c) => ({ key: c.key, label: labelOf({ key: c.key, label: c.label }), hasOptionColumns: false })),
  ];
};

/** The list with the item at `index` moved by `delta` places (kept inside the list). */
export const moveItem = <T,>(list: readonly T[], index: number, delta: number): T[] => {
  const to = index + delta;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
};
