/**
 * The closed set of error codes every door answers with. The UI translates by code
 * (and by issue code for field errors); `message` is an English fallback for logs and the CLI.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'IO',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'CANCELLED',
  'DB_UNREADABLE',
  'DB_NEWER_VERSION',
  'MIGRATION_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Field-level problems, already reduced from zod's vocabulary to ours so the UI can translate
 * them without knowing zod: `required`, `email`, `too_long`, `unknown_field`, `invalid`, ….
 */
export const ISSUE_CODES = [
  'required',
  'email',
  'too_long',
  'too_small',
  'unknown_field',
  'invalid',
  /** Not a real calendar date (`YYYY-MM-DD`), or a date that cannot be (a birthday in the future). */
  'date',
  /** A custom field of type number got something else. */
  'number',
  /** Not one of the allowed choices (stage, source, a select field's options, a tag that does not exist). */
  'option',
  /** Import files (params.line where the problem is on a line): */
  'file_empty',
  /** NUL bytes or another binary signature: not a text file. */
  'file_binary',
  /** An Excel workbook (or another zip) renamed or chosen by mistake: save it as CSV first. */
  'file_xlsx',
  /** Larger than MAX_IMPORT_BYTES (params.max in MB). */
  'file_too_large',
  /** A quote opened and never closed, or a stray quote inside a field (params.line). */
  'file_quote',
  /** One row longer than the record limit (params.line, params.max in MB). */
  'file_record_too_large',
  /** The staged file is gone (expired or never uploaded): choose it again. */
  'file_missing',
  /** Detected or chosen as UTF-8, but a later line is not (params.line): choose another encoding. */
  'file_encoding',
  /** A vCard that is not complete or not a vCard at all (params.line). */
  'file_vcard',
  /** A deal's date before the day it was created (params.date, the creation day). */
  'before_creation',
  /** The deal is won or lost (params.status): reopen it before moving or closing it again. */
  'deal_closed',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the field, e.g. `email` or `patch.email`. Empty for the whole input. */
  path: string;
  code: IssueCode;
  message: string;
  /** Limits the message needs, e.g. `{ max: 200 }`. */
  params?: Record<string, number | string>;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
