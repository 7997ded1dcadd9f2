import * as yup from 'yup';
import { EXPORT_DELIMITERS, EXPORT_FORMATS, EXPORT_HEADERS, EXPORT_IDS_MAX, EXPORT_MULTISELECT, EXPORT_SCOPE_KINDS } from '../constants';

/**
 * POST /contacts/exports, as the admin API and the CLI send it: one schema
 * (unknown keys are a 400), checked by the service whatever the path.
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const SCOPE_HINT = 'scope must be one of { "all": true }, { "segment": id }, { "criteria": {...} }, { "import": id }, { "ids": [...] }';

const scopeSchema = yup
  .mixed()
  .required(`scope is required: ${SCOPE_HINT}`)
  .test('scope', SCOPE_HINT, function check(v) {
    if (!isObject(v)) return false;
    const keys = Object.keys(v);
    if (keys.length !== 1 || !(EXPORT_SCOPE_KINDS as readonly string[]).includes(keys[0])) return false;
    const [kind] = keys;
    const value = v[kind];
    if (kind === 'all') return value === true || this.createError({ message: 'scope.all must be true' });
    if (kind === 'segment' || kind === 'import') {
      return (typeof value === 'string' && value.length > 0 && value.length <= 64) || this.createError({ message: `scope.${kind} must be the documentId of the ${kind}` });
    }
    if (kind === 'criteria') return isObject(value) || this.createError({ message: 'scope.criteria must be a criteria object { "match": "all" | "any", "conditions": [...] }' });
    if (!Array.isArray(value) || !value.length || !value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 64)) {
      return this.createError({ message: 'scope.ids must be a non-empty list of contact documentIds' });
    }
    return value.length <= EXPORT_IDS_MAX || this.createError({ message: `scope.ids holds at most ${EXPORT_IDS_MAX} ids; export a segment or a search instead` });
  });

const fieldsSchema = yup
  .mixed()
  .default('main')
  .test('fields', 'fields must be "main", "all" or a list of field keys', (v) => v === undefined || v === 'main' || v === 'all' || (Array.isArray(v) && v.length > 0 && v.length <= 1000 && v.every((k) => typeof k === 'string')));

const oneOf = <T extends string>(name: string, values: readonly T[], shown = values.map((v) => (v === '\t' ? 'TAB' : v)).join(', ')) =>
  yup.string().oneOf([...values], `${name} must be one of: ${shown}`);

/** TAB as people and scripts write it: the character itself, or its name. */
const TAB_NAMES = new Set(['TAB', 'tab', 'Tab', '\\t']);

/** The request with a delimiter written as a name made the character it names (the schema is strict). */
export const normalizeExportRequest = (input: unknown): unknown =>
  isObject(input) && typeof input.delimiter === 'string' && TAB_NAMES.has(input.delimiter) ? { ...input, delimiter: '\t' } : input;

export const createExportSchema = yup
  .object({
    name: yup.string().trim().max(255),
    scope: scopeSchema,
    fields: fieldsSchema,
    format: oneOf('format', EXPORT_FORMATS).default('csv'),
    delimiter: oneOf('delimiter', EXPORT_DELIMITERS).default(','),
    bom: yup.boolean().typeError('bom must be true or false').default(true),
    headers: oneOf('headers', EXPORT_HEADERS).default('labels'),
    multiselect: oneOf('multiselect', EXPORT_MULTISELECT).default('joined'),
    notify: yup.array(yup.number().typeError('notify lists admin user ids (numbers)').integer().positive().required()).max(50),
  })
  .noUnknown(true, (p) => `unknown property: ${p.unknown}`)
  .strict();

export const listExportsSchema = yup.object({
  page: yup.number().integer().min(1),
  pageSize: yup.number().integer().min(1).max(100),
});
