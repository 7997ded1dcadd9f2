import * as yup from 'yup';
import { FIELD_TYPES, IMPORT_STATUSES, OPT_IN_VALUES } from '../../../constants';
import { importOptionsSchema } from '../../../import/options';

export { importOptionsSchema };


const columnRef = yup.mixed<string | number>().test('column', 'column must be a header text or a 0-based index', (v) => typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && v >= 0));

const entrySchema = yup.lazy((entry: any) => {
  if (entry && typeof entry === 'object' && entry.ignore === true) return yup.object({ column: columnRef.required(), ignore: yup.boolean().oneOf([true]) }).noUnknown();
  if (entry && typeof entry === 'object' && 'literal' in entry) return yup.object({ field: yup.string().required(), literal: yup.mixed().defined() }).noUnknown();
  if (entry && typeof entry === 'object' && 'newField' in entry) {
    return yup
      .object({
        column: columnRef.required(),
        newField: yup
          .object({
            key: yup.string().required().matches(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'newField.key must start with a letter and use letters, digits and _'),
            label: yup.string().trim().required().max(255),
            type: yup.string().oneOf([...FIELD_TYPES], `newField.type must be one of: ${FIELD_TYPES.join(', ')}`).required(),
            options: yup.array(yup.string().required()),
          })
          .required(),
      })
      .noUnknown();
  }
  return yup
    .object({
      column: columnRef.required(),
      field: yup.string().required('each mapping entry needs a field, ignore, literal or newField'),
      option: yup.string(),
      /** How this column's words translate for an opt-in field: { "Y": "yes" }. */
      values: yup.object().test('values', 'values maps words to yes, no, orange or blocklist', (v) =>
        v === undefined || Object.values(v as Record<string, unknown>).every((x) => (OPT_IN_VALUES as readonly unknown[]).includes(x))
      ),
    })
    .noUnknown();
});

export const updateImportSchema = yup
  .object({
    name: yup.string().trim().max(255),
    options: importOptionsSchema.default(undefined),
    mapping: yup.array(entrySchema as any).max(2000),
    /** Apply a saved mapping (its documentId) to this file's columns. */
    useMapping: yup.string().max(64),
  })
  .noUnknown(true, (p) => `unknown property: ${p.unknown}`);

export const listQuerySchema = yup.object({
  page: yup.number().integer().min(1),
  pageSize: yup.number().integer().min(1).max(100),
  status: yup.string().oneOf([...IMPORT_STATUSES], `status must be one of: ${IMPORT_STATUSES.join(', ')}`),
});

export const saveMappingSchema = yup
  .object({
    name: yup.string().trim().required('name is required').max(255),
    importId: yup.string().required('importId (the documentId of the import whose mapping to save) is required').max(64),
  })
  .noUnknown(true, (p) => `unknown property: ${p.unknown}`);
