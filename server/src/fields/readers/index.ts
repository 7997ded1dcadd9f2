/**
 * Value readers shared by the import (cell text) and the API (JSON values).
 * See read.ts for the entry points and reasons.ts for the messages.
 */
export type {
  FieldSpec,
  FieldType,
  OptInValue,
  Params,
  ReadContext,
  ReadNote,
  ReadProblem,
  ReadResult,
  ReadValue,
  ReasonCode,
  SpecialReader,
} from './types';
export { isProblem } from './types';
export { readText, readJson, checkValue } from './read';
export { isEmptyCell, codePointLength } from './fold';
export { readCountry, countryCodes } from './country';
export { normalizeEmail, isValidEmail } from './email';
export { toE164, readPhoneNumber } from './phone';
export { readBooleanWord, readOptInWord, OPT_IN_VALUES } from './boolean';
export { splitList, matchOption } from './options';
export { REASONS, formatReason, type Locale } from './reasons';
export * as LIMITS from './limits';
