import * as yup from 'yup';
import { DATE_FORMATS, IMPORT_DELIMITERS, IMPORT_MODES, OPT_IN_VALUES, UNIQUE_KEYS } from '../constants';

const optIn = (name: string) =>
  yup.string().nullable().oneOf([...OPT_IN_VALUES, null], `${name} must be one of: ${OPT_IN_VALUES.join(', ')} (or null: unknown)`);

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * Options of one import, as the admin API, the CLI and recurring imports send
 * them: one schema, checked whatever the path (unknown keys are a 400).
 */
export const importOptionsSchema = yup
  .object({
    delimiter: yup.string().oneOf([...IMPORT_DELIMITERS], 'delimiter must be one of , ; TAB |'),
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
      .oneOf([...DATE_FORMATS, null, ''], `dateFormat must be one of: ${DATE_FORMATS.join(', ')}`),
    decimalComma: yup.boolean(),
    defaultCountry: yup.string().matches(/^[A-Za-z]{2}$/, 'defaultCountry must be a two-letter country code such as FR or US').uppercase(),
    emptyClears: yup.boolean(),
    allowResubscribe: yup.boolean(),
    defaultEmailOptIn: optIn('defaultEmailOptIn'),
    defaultSmsOptIn: optIn('defaultSmsOptIn'),
    consentRecorded: yup.boolean(),
    /** The file is one of our exports: headers map to their fields and neutralised cells ('=…) read back as stored. */
    fromExport: yup.boolean(),
    timezone: yup
      .string()
      .max(64)
      .test('timezone', 'timezone must be an IANA time zone such as Europe/Paris or UTC', (v) => v === undefined || isTimeZone(v)),
  })
  .noUnknown(true, (p) => `unknown import option: ${p.unknown}`)
  .strict();

/** The options' problems, one readable sentence (null when they are fine). */
export const optionsProblem = (options: unknown): string | null => {
  try {
    importOptionsSchema.validateSync(options ?? {}, { strict: true, abortEarly: false });
    return null;
  } catch (error) {
    if (error instanceof yup.ValidationError) return (error.errors.length ? error.errors : [error.message]).join('; ');
    throw error;
  }
};
