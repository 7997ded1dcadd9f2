import * as yup from 'yup';
import { FIELD_TYPES, IMPORT_MODES, IMPORT_STATUSES, UNIQUE_KEYS } from '../../../constants';

const DELIMITERS = [',', ';', '\t', '|'];

export const importOptionsSchema = yup
  .object({
    delimiter: yup.string().oneOf(DELIMITERS, 'delimiter must be one of , ; TAB |'),
    encoding: yup.string().max(40),
    hasHeader: yup.boolean(),
    sheet: yup.string().max(255),
    mode: yup.string().oneOf([...IMPORT_MODES], `mode must be one of: ${IMPORT_MODES.join(', ')}`),
    uniqueKey: yup.string().oneOf([...UNIQUE_KEYS], `uniqueKey must be one of: ${UNIQUE_KEYS.join(', ')}`),
    segmentIds: yup.array(yup.string().required()),
    tags: yup.array(yup.string().trim().required().max(100)),
    owner: yup
      .mixed<string | number>()
      .nullable()
      .test('owner', 'owner must be the id of an admin user', (v) => v === null || v === undefined || /^\d+$/.test(String(v))),
    dateFormat: yup
      .string()
      .nullable()
      .matches(/^(DD|MM|YYYY|YY)[/.\-](DD|MM)[/.\-](DD|MM|YYYY|YY)$/i, { message: 'dateFormat must look like DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD', excludeEmptyString: true }),
    decimalComma: yup.boolean(),
    defaultCountry: yup.string().matches(/^[A-Za-z]{2}$/, 'defaultCountry must be a two-letter country code such as FR or US').uppercase(),
    emptyClears: yup.boolean(),
    allowResubscribe: yup.boolean(),
  })
  .noUnknown(true, (p) => `unknown import option: ${p.unknown}`)
  .strict();

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
  return yup.object({ column: columnRef.required(), field: yup.string().required('each mapping entry needs a field, ignore, literal or newField'), option: yup.string() }).noUnknown();
});

export const updateImportSchema = yup
  .object({
    name: yup.string().trim().max(255),
    options: importOptionsSchema.default(undefined),
    mapping: yup.array(entrySchema as any).max(2000),
  })
  .noUnknown(true, (p) => `unknown property: ${p.unknown}`);

export const listQuerySchema = yup.object({
  page: yup.number().integer().min(1),
  pageSize: yup.number().integer().min(1).max(100),
  status: yup.string().oneOf([...IMPORT_STATUSES], `status must be one of: ${IMPORT_STATUSES.join(', ')}`),
});
