import type { Sql } from '../database/dialect';
import { fold } from '../fields/fold';
import { isValidEmail, normalizeEmail, toE164 } from '../fields/readers';

/** Longest quick search (a text pasted by mistake is a clear 400, not a slow LIKE). */
export const QUICK_SEARCH_MAX = 255;

export interface QuickSearchColumns {
  /** Quoted columns under the query's alias. */
  email: string;
  mobile: string;
  search: string;
  /** The dialect's LIKE with `!` as its escape. */
  like: string;
  defaultCountry?: string;
}

/**
 * The quick search as French users type it, as one SQL condition: an e-mail
 * written in full goes to its index, a phone in any written form to its E.164
 * index, anything else is a LIKE on the folded `search` column alone (so a
 * count reads that column's index, never the rows; `helene` finds Hélène).
 * The contacts list (`q`) and the criteria (`{ search }`) both use it.
 */
export const quickSearchSql = (input: string, c: QuickSearchColumns): Sql => {
  const text = input.trim();
  const email = text.includes('@') ? normalizeEmail(text) : null;
  if (email && isValidEmail(email)) return { sql: `${c.email} = ?`, bindings: [email] };
  const phone = !email && /\d{6,}/.test(text.replace(/[\s.\-()/]/g, '')) ? toE164(text, c.defaultCountry) : null;
  if (phone) return { sql: `${c.mobile} = ?`, bindings: [phone] };
  return { sql: `${c.search} ${c.like}`, bindings: [`%${fold(text).replace(/[!%_]/g, (m) => `!${m}`)}%`] };
};
