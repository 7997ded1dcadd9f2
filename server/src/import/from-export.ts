import { X_COLUMN_SEPARATOR, type FieldDefinition } from '../constants';
import { knownHeaders } from '../export/columns';
import { restoreCell } from '../export/neutralize';
import type { MappingEntry } from './types';

/**
 * The mapping of a file this plugin exported (import option `fromExport`):
 * each of our headers (keys, or labels in English or French) to its field,
 * "<field>: <option>" X columns to their multiselect option, and the columns
 * no import writes (added on, modified on, activity, last activity) ignored.
 * Headers we do not know are left to the usual suggestions.
 */
export const exportedFileMapping = (columns: readonly string[], fields: readonly FieldDefinition[]): MappingEntry[] => {
  const known = knownHeaders(fields);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  // Longest header first: "Interests: Sport" belongs to "Interests", not to a field called "Int".
  const lists = Array.from(known.entries())
    .filter(([, key]) => byKey.get(key)?.type === 'multiselect')
    .sort((a, b) => b[0].length - a[0].length);
  const out: MappingEntry[] = [];
  for (const column of columns) {
    const header = restoreCell(column);
    const key = known.get(header);
    if (key !== undefined) {
      const field = byKey.get(key);
      out.push(field && !field.readOnly ? { column, field: key } : { column, ignore: true });
      continue;
    }
    for (const [prefix, listKey] of lists) {
      const option = header.startsWith(`${prefix}${X_COLUMN_SEPARATOR}`) ? header.slice(prefix.length + X_COLUMN_SEPARATOR.length) : null;
      if (option !== null && (byKey.get(listKey)!.options ?? []).includes(option)) {
        out.push({ column, field: listKey, option });
        break;
      }
    }
  }
  return out;
};
