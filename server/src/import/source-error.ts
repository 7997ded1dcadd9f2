/**
 * A source (file or pasted text) that cannot be read as contacts, with a
 * message the person who uploaded it can act on.
 *
 * Deliberately a plain Error (no @strapi/utils import: these modules run in
 * worker threads and tests without Strapi). `status` 400 + `expose` make
 * Strapi's error middleware (http-errors path) answer 400 with this message;
 * controllers may also rethrow it as a ValidationError with `details.code`.
 */
export type SourceErrorCode =
  | 'EMPTY'
  | 'PDF'
  | 'IMAGE'
  | 'XLS'
  | 'ENCRYPTED'
  | 'ODS'
  | 'OFFICE'
  | 'ARCHIVE'
  | 'BINARY'
  | 'ENCODING'
  | 'XLSX'
  | 'SHEET'
  | 'QUOTES'
  | 'DELIMITER'
  | 'NOT_FOUND';

export class SourceError extends Error {
  readonly status = 400;
  readonly expose = true;
  readonly code: SourceErrorCode;
  readonly details: { code: SourceErrorCode; [key: string]: unknown };

  constructor(code: SourceErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'SourceError';
    this.code = code;
    this.details = { code, ...details };
  }
}
