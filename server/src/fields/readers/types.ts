import type { FieldType, OptIn } from '../../constants';

/** Stable snake_case identifier of a problem or a note (see reasons.ts for the messages). */
export type ReasonCode = string;

export type Params = Record<string, unknown>;

export interface ReadNote {
  code: ReasonCode;
  params: Params;
}

export type ReadValue = { ok: true; value: unknown; note?: ReadNote };
export type ReadProblem = { ok: false; code: ReasonCode; params: Params };
export type ReadResult = ReadValue | ReadProblem;

/**
 * The project compiles with strict: false, where `if (!r.ok)` does not narrow
 * the union (`r.ok === false` and `'code' in r` do): this guard always does.
 */
export const isProblem = (r: ReadResult): r is ReadProblem => r.ok === false;

export type { FieldType };

export type SpecialReader = 'optIn' | 'status' | 'country' | 'tags';

export type OptInValue = OptIn;

export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
  /** Special readers of built-in fields; else the type's reader. */
  reader?: SpecialReader;
  options?: readonly string[] | null;
  allowUnknownValues?: boolean;
  /** Characters (code points) a value may hold; defaults per type (see limits.ts). */
  maxLength?: number;
  /** Built-in contact columns: text defaults to 255 characters instead of 10,000. */
  builtIn?: boolean;
}

export interface ReadContext {
  /** 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'YYYY-MM-DD' | 'YYYY/MM/DD' | 'DD.MM.YYYY' … (separators / - . accepted). */
  dateFormat?: string | null;
  decimalComma?: boolean;
  /** ISO 3166-1 alpha-2, for phone numbers written without '+'. */
  defaultCountry?: string | null;
  /** The row's own country (already read as alpha-2): wins over defaultCountry. */
  rowCountry?: string | null;
  /** IANA zone for date-times written without a zone; default 'UTC'. */
  timezone?: string;
  /** Default 1 MiB (1,048,576 code points). */
  maxLongTextLength?: number;
  /** Extra words for an opt-in column, matched case/accent-insensitively. */
  optInWords?: Record<string, OptInValue>;
}

export const ok = (value: unknown, note?: ReadNote): ReadResult => (note ? { ok: true, value, note } : { ok: true, value });

export const fail = (code: ReasonCode, params: Params): ReadResult => ({ ok: false, code, params });
