import type { Core } from '@strapi/strapi';
import { BUILT_IN_FIELDS, builtInField, CUSTOM_TEXT_MAX, type FieldDefinition } from '../constants';
import { tables } from '../database/tables';
import { parseJson } from '../utils/json';
import type { FoldKeys } from './fold';

/**
 * Every field as the readers see it: the built-in declarations (with the
 * label a person may have renamed) followed by the custom fields stored in
 * the database. The one list the import, the API and the segments read.
 */
export const loadFieldDefinitions = async (strapi: Core.Strapi): Promise<FieldDefinition[]> => {
  const rows = await strapi.db.connection(tables().fields).select('key', 'label', 'type', 'options', 'allow_unknown_values', 'required', 'built_in', 'position').orderBy('position');
  const stored = new Map(rows.map((r: any) => [r.key, r]));
  const builtIns: FieldDefinition[] = BUILT_IN_FIELDS.map((f) => ({
    key: f.key,
    label: (stored.get(f.key) as any)?.label ?? f.label,
    type: f.type,
    reader: f.reader,
    options: f.options ? [...f.options] : [],
    maxLength: f.maxLength,
    builtIn: true,
    ...(f.readOnly ? { readOnly: true } : {}),
  }));
  const custom: FieldDefinition[] = rows
    .filter((r: any) => !r.built_in)
    .map((r: any) => ({
      key: r.key,
      label: r.label,
      type: r.type,
      options: parseJson<string[]>(r.options, []),
      allowUnknownValues: !!r.allow_unknown_values,
      required: !!r.required,
      ...(r.type === 'text' ? { maxLength: CUSTOM_TEXT_MAX } : {}),
    }));
  return [...builtIns, ...custom];
};

const TEXT_TYPES = new Set(['text', 'longtext', 'email', 'phone', 'url']);

/** Which fields the `folded` column and the quick search keep (see fields/fold.ts). */
export const foldKeysOf = (defs: readonly FieldDefinition[]): FoldKeys => {
  const text = defs.filter((f) => TEXT_TYPES.has(f.type) && !f.reader);
  return {
    builtIn: text.filter((f) => f.builtIn).map((f) => f.key),
    custom: text.filter((f) => !f.builtIn).map((f) => f.key),
    search: text.filter((f) => (f.builtIn ? builtInField(f.key)?.searchable : f.type === 'text')).map((f) => f.key),
  };
};
