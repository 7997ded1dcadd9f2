/**
 * Rough kinds of cell text, for the header-row guess and for spotting an
 * e-mail or phone column from its values. Not validation (the mapping stage
 * validates): only "does this look like data or like a title".
 */
export type CellKind = 'empty' | 'email' | 'number' | 'phone' | 'date' | 'boolean' | 'text';

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;
const NUMBER = /^[+-]?(?:\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+)(?:[.,]\d+)?%?$/;
const PHONE = /^\+?[\d\s().\-/\u00a0]{6,24}$/;
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const BOOLEAN = /^(?:true|false|yes|no|oui|non|vrai|faux|y|n|x)$/i;

export const isEmailLike = (value: string): boolean => EMAIL.test(value.trim());

/** 8 to 15 digits, optional leading +, usual separators: what a phone number column holds. */
export const isPhoneLike = (value: string): boolean => {
  const v = value.trim();
  if (!PHONE.test(v)) return false;
  const digits = v.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 15;
};

export const cellKind = (value: string | undefined | null): CellKind => {
  const v = (value ?? '').trim();
  if (v === '') return 'empty';
  if (v.indexOf('@') !== -1 && EMAIL.test(v)) return 'email';
  if (DATE.test(v)) return 'date';
  if (NUMBER.test(v)) return 'number';
  if (isPhoneLike(v)) return 'phone';
  if (BOOLEAN.test(v)) return 'boolean';
  return 'text';
};

/** Kinds that a title cell never has. */
export const isDataKind = (kind: CellKind): boolean => kind === 'email' || kind === 'number' || kind === 'phone' || kind === 'date';
