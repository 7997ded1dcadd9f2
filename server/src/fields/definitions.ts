import type { Core } from '@strapi/strapi';
import { BUILT_IN_FIELDS, CUSTOM_TEXT_MAX, type FieldDefinition } from '../constants';
import { tables } from '../database/tables';
import { parseJson } from '../utils/json';

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
