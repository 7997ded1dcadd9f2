/**
 * A source (file or pasted text) that cannot be read as contacts, with a
 * message the person who uploaded it can act on.
 *
 * Deliberately a plain Error (no @strapi/utils import: these modules run in
 * worker threads and tests without Strapi). `status` + `expose` make Strapi's
 * error middleware (http-errors path) answer with this message: 400 for a
 * file that is wrong, 413 for one that exceeds a limit (size, memory, time).
 * Controllers may also rethrow it as a ValidationError / PayloadTooLargeError
 * with `details.code`.
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
  | 'NOT_FOUND'
  /** A CSV line longer than the row limit without a line break (no open quote). */
  | 'LINE_TOO_LONG'
  /** More columns than MAX_COLUMNS. */
  | 'COLUMNS'
  /** The rows looked at (a bounded scan) hold no data. */
  | 'NO_DATA'
  /** An XML part declares a DOCTYPE / entities: not a plain spreadsheet. */
  | 'XML_DTD'
  /** A workbook part inflates beyond maxXlsxInflatedSize. */
  | 'XLSX_SIZE'
  /** A workbook part is compressed beyond maxXlsxCompressionRatio. */
  | 'XLSX_RATIO'
  /** More shared strings than maxXlsxSharedStrings / maxXlsxSharedStringsSize. */
  | 'XLSX_STRINGS'
  /** Reading the workbook needs more memory than its worker may use. */
  | 'XLSX_MEMORY'
  /** Reading took longer than sniffTimeoutMs. */
  | 'TIMEOUT';

export type SourceErrorStatus = 400 | 413;

/** Codes that mean "exceeds a limit" rather than "wrong file". */
const LIMIT_CODES: ReadonlySet<SourceErrorCode> = new Set<SourceErrorCode>(['XLSX_SIZE', 'XLSX_RATIO', 'XLSX_STRINGS', 'XLSX_MEMORY', 'TIMEOUT']);

export class SourceError extends Error {
  readonly status: SourceErrorStatus;
  readonly expose = true;
  readonly code: SourceErrorCode;
  readonly details: { code: SourceErrorCode; [key: string]: unknown };

  constructor(code: SourceErrorCode, message: string, details: Record<string, unknown> = {}, status?: SourceErrorStatus) {
    super(message);
    this.name = 'SourceError';
    this.code = code;
    this.status = status ?? (LIMIT_CODES.has(code) ? 413 : 400);
    this.details = { code, ...details };
  }

  /** Plain data for postMessage (class identity does not cross a thread). */
  toJSON(): SerializedSourceError {
    return { code: this.code, message: this.message, details: this.details, status: this.status };
  }

  static fromJSON(data: SerializedSourceError): SourceError {
    const { code: _code, ...details } = data.details ?? {};
    return new SourceError(data.code, data.message, details, data.status);
  }
}

export interface SerializedSourceError {
  code: SourceErrorCode;
  message: string;
  details: { code: SourceErrorCode; [key: string]: unknown };
  status: SourceErrorStatus;
}
