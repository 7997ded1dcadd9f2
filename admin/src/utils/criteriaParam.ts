import type { Criteria } from '../../../shared/segments';

/*
 * Criteria travel in the contacts page's URL as base64url JSON: Strapi's
 * Table and Pagination rewrite the query string without encoding values
 * they do not know (only `_q` and `filters`), and JSON with "&", "#" or "+"
 * in a text would not survive that; base64url has none of those characters.
 */

const toBase64Url = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (param: string) => {
  const base64 = param.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

export const encodeCriteria = (criteria: Criteria) => toBase64Url(JSON.stringify(criteria));

/** The criteria of a URL parameter; null when absent or unreadable (a truncated link). */
export const decodeCriteria = (param: string | undefined | null): Criteria | null => {
  if (!param) return null;
  try {
    const parsed = JSON.parse(fromBase64Url(param));
    return parsed && typeof parsed === 'object' && Array.isArray(parsed.conditions) ? (parsed as Criteria) : null;
  } catch {
    return null;
  }
};
