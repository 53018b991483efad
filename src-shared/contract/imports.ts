import { z } from 'zod';
import { LANGUAGES } from './app';
import { customerFilters } from './customerList';
import { currencyCode, recordId, requiredText } from './fields';

import {
  CUSTOMER_KEYS,
  DATE_ORDERS,
  DELIMITERS,
  IMPORT_KINDS,
  MATCH_KEYS,
  MAX_IMPORT_BYTES,
  ON_MATCH,
  TEXT_ENCODINGS,
  UPLOAD_CHUNK_BYTES,
} from './importTerms';

export * from './importTerms';

/**
 * Import and export: a file is first staged (uploaded in chunks, so every door, including the
 * web door's 1 MB body cap, can carry it), previewed (encoding, delimiter, header row, mapping
 * suggestions), checked in a dry run, then committed in one transaction in a worker.
 */

const target = z.string().regex(/^(custom:\d+|[a-zA-Z]+)$/);
/** One entry per column of the file: the target field, or null to ignore the column. */
export const importMapping = z.array(target.nullable()).max(500);

export const uploadInput = z.strictObject({
  /** Chosen by the client (UUID), so a retry of the same chunk is recognised. */
  fileId: z.string().uuid(),
  fileName: requiredText(255),
  /** Byte offset of this chunk: chunks arrive in order; offset 0 starts the file over. */
  offset: z.number().int().min(0).max(MAX_IMPORT_BYTES),
  /** Base64 of at most UPLOAD_CHUNK_BYTES bytes. */
  data: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
});
export const uploadResult = z.object({ fileId: z.string(), bytes: z.number().int() });

const readSettingsShape = {
  fileId: z.string().uuid(),
  kind: z.enum(IMPORT_KINDS),
  /** Omitted: detected (BOM, then strict UTF-8, then GB18030). */
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  /** Omitted: sniffed from the first lines. */
  delimiter: z.enum(DELIMITERS).optional(),
  /** 1-based line of the header row; 0 = the file has no header. Omitted: 1. */
  headerRow: z.number().int().min(0).max(50).optional(),
};

export const previewInput = z.strictObject(readSettingsShape);

export const columnPreview = z.object({
  index: z.number().int(),
  /** The header as read (BOM stripped); `Column 3` style names are made up by the UI when empty. */
  header: z.string(),
  samples: z.array(z.string()),
});
export const HEADER_PROBLEMS = ['duplicate_header', 'blank_header'] as const;

export const previewResult = z.object({
  fileName: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  format: z.enum(['csv', 'vcard']),
  encoding: z.enum(TEXT_ENCODINGS),
  /** How the encoding was decided: a byte-order mark, valid UTF-8, the GB18030 fallback, or the owner. */
  encodingSource: z.enum(['bom', 'utf8', 'fallback', 'chosen']),
  delimiter: z.enum(DELIMITERS),
  headerRow: z.number().int(),
  columns: z.array(columnPreview),
  /** The first data rows, cells as read. */
  rows: z.array(z.array(z.string())),
  /** Suggested target per column: from a template saved for the same headers, else from header names. */
  mapping: importMapping,
  template: z.object({ id: recordId, name: z.string() }).nullable(),
  headerProblems: z.array(z.object({ code: z.enum(HEADER_PROBLEMS), column: z.number().int() })),
  /** The same file (SHA-256) was imported before. */
  previousImport: z.object({ importId: recordId, at: z.string(), undone: z.boolean() }).nullable(),
});
export type ImportPreview = z.infer<typeof previewResult>;

/** Each option once, without defaults: a template stores only what the owner set (zod's `.partial()` would keep defaults). */
const importOptionShape = {
  /** Region for phones without `+`; omitted: Settings' default region. */
  region: z.string().regex(/^[A-Z]{2}$/),
  dateOrder: z.enum(DATE_ORDERS),
  /** Customers: which keys find an existing customer. */
  matchBy: z.array(z.enum(MATCH_KEYS)).max(3),
  onMatch: z.enum(ON_MATCH),
  /** Orders and conversations: how a row finds its customer. */
  customerBy: z.array(z.enum(CUSTOMER_KEYS)).max(4),
  /** Orders and conversations: create a customer a row names but the database lacks. */
  createMissingCustomers: z.boolean(),
  /** Orders: the currency of amounts when no currency column is mapped; omitted: Settings' currency. */
  currency: currencyCode,
  /** Orders: `C…` invoices (cancellations) become refunds, or are skipped. */
  cancellations: z.enum(['refund', 'skip']),
};

export const importOptions = z.strictObject({
  region: importOptionShape.region.optional(),
  dateOrder: importOptionShape.dateOrder.default('auto'),
  matchBy: importOptionShape.matchBy.default(['email', 'phone', 'externalId']),
  onMatch: importOptionShape.onMatch.default('skip'),
  customerBy: importOptionShape.customerBy.default(['externalId', 'email', 'phone']),
  createMissingCustomers: importOptionShape.createMissingCustomers.default(false),
  currency: importOptionShape.currency.optional(),
  cancellations: importOptionShape.cancellations.default('refund'),
});
/** What a template remembers: only the options the owner set. */
export const templateOptions = z.strictObject(importOptionShape).partial();
export type ImportOptions = z.output<typeof importOptions>;
export type ImportOptionsInput = z.input<typeof importOptions>;

export const importRunInput = z.strictObject({
  ...readSettingsShape,
  /** Chosen by the client, so it can cancel the run while it is going (jobs.cancel). */
  jobId: z.string().uuid(),
  mapping: importMapping,
  options: importOptions.default(importOptions.parse({})),
});
export type ImportRunInput = z.input<typeof importRunInput>;

/** Why a row was refused; the UI translates by code and names the column. */
export const REJECT_CODES = [
  'required',
  'too_long',
  'email',
  /** Two addresses in one cell (`a@b.cn, c@d.cn`): never split into two recipients. */
  'two_emails',
  'date',
  /** `03/04/2024` in a column where both readings fit: the owner picks the order. */
  'ambiguous_date',
  'amount',
  'negative_amount',
  'quantity',
  'number',
  'option',
  /** The row names no customer (orders/conversations), or one that does not exist. */
  'no_customer',
  'unknown_customer',
  /** More or fewer cells than the header. */
  'ragged',
  /** Another line of the same invoice was refused: the order is not imported half. */
  'invoice_incomplete',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

/** Rows that are imported but deserve a look. */
export const WARNING_CODES = [
  /** `1.38001E+10`: Excel turned a phone into a number; kept as typed, flagged, never guessed. */
  'excel_number',
  /** Not a valid phone number for its region: kept as typed, flagged. */
  'invalid_phone',
  /** The same customer appears on several rows of the file. */
  'duplicate_in_file',
  /** A stage, source or tag the lists do not know: added to the customer as typed. */
  'new_option',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export const rowProblem = z.object({
  /** 1-based physical line in the file where the row starts. */
  line: z.number().int(),
  code: z.string(),
  /** Header of the column at fault (or `Column N`), when one is. */
  column: z.string().nullable(),
  /** The cell's text, shortened to 100 characters. */
  value: z.string().nullable(),
});
export type RowProblem = z.infer<typeof rowProblem>;

export const importCounts = z.object({
  rows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  skip: z.number().int(),
  reject: z.number().int(),
  warn: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const importSummary = z.object({
  dryRun: z.boolean(),
  counts: importCounts,
  rejected: z.array(rowProblem),
  warnings: z.array(rowProblem),
  /** Orders: how many refunds among `create`, and how many customers would be / were created. */
  refunds: z.number().int(),
  customersCreated: z.number().int(),
  /** `auto` date order could not decide: the owner must choose ymd/dmy/mdy. */
  ambiguousDates: z.boolean(),
  /** Set once committed. */
  importId: recordId.nullable(),
  batchId: recordId.nullable(),
  ms: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const importHistoryEntry = z.object({
  id: recordId,
  kind: z.enum(IMPORT_KINDS),
  format: z.enum(['csv', 'vcard']),
  fileName: z.string(),
  encoding: z.string(),
  at: z.string(),
  counts: importCounts,
  batchId: recordId,
  undoneAt: z.string().nullable(),
  ms: z.number().int(),
});
export type ImportHistoryEntry = z.infer<typeof importHistoryEntry>;

export const importUndoResult = z.object({
  importId: recordId,
  /** Rows removed or put back. */
  restored: z.number().int(),
  /** Rows the owner changed after the import: left as they are now. */
  kept: z.number().int(),
});

/** A file for the UI to offer as a download (the web door cannot write to the owner's disk). */
export const downloadFile = z.object({
  fileName: z.string(),
  mime: z.string(),
  base64: z.string(),
  rows: z.number().int(),
});
export type DownloadFile = z.infer<typeof downloadFile>;

export const importTemplate = z.object({
  id: recordId,
  name: z.string(),
  kind: z.enum(IMPORT_KINDS),
  headers: z.array(z.string()),
  mapping: importMapping,
  options: templateOptions,
  updatedAt: z.string(),
});
export type ImportTemplate = z.infer<typeof importTemplate>;

export const templateSaveInput = z.strictObject({
  name: requiredText(100),
  kind: z.enum(IMPORT_KINDS),
  headers: z.array(z.string().max(500)).max(500),
  mapping: importMapping,
  options: templateOptions.default({}),
});

export const EXPORT_KINDS = IMPORT_KINDS;
export const EXPORT_ENCODINGS = ['utf-8', 'gb18030'] as const;

/** Which customers: all live ones, the list's current filters (and search), or chosen ids. */
export const exportScope = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('all') }),
  z.strictObject({
    type: z.literal('filter'),
    filters: customerFilters,
    search: z.string().max(200).optional(),
  }),
  z.strictObject({ type: z.literal('ids'), ids: z.array(recordId).min(1).max(100_000) }),
]);

export const exportInput = z.strictObject({
  jobId: z.string().uuid(),
  kind: z.enum(EXPORT_KINDS),
  format: z.enum(['csv', 'vcard']).default('csv'),
  /** csv: UTF-8 with BOM (opens in Excel), or GB18030 for old tools. */
  encoding: z.enum(EXPORT_ENCODINGS).default('utf-8'),
  /** vcard: 4.0, or 3.0 for older phones. */
  vcardVersion: z.enum(['4.0', '3.0']).default('4.0'),
  /** The customers (or whose orders / conversations) to export. */
  scope: exportScope.default({ type: 'all' }),
  /** Language of the header row; omitted: Settings' language, else Chinese. */
  language: z.enum(LANGUAGES).optional(),
  /** Customer columns by import target name (so the file maps back by itself); omitted: all. */
  columns: z.array(target).max(200).optional(),
});
export type ExportInput = z.input<typeof exportInput>;

export const jobIdInput = z.strictObject({ jobId: z.string().uuid() });

export const importChannels = {
  'imports.upload': { input: uploadInput, output: uploadResult },
  'imports.preview': { input: previewInput, output: previewResult },
  'imports.dryRun': { input: importRunInput, output: importSummary },
  'imports.commit': { input: importRunInput, output: importSummary },
  'imports.list': { input: z.strictObject({}).default({}), output: z.array(importHistoryEntry) },
  'imports.undo': { input: z.strictObject({ importId: recordId }), output: importUndoResult },
  /** The rejected rows as CSV (the file's own columns plus line and reason), to fix and re-import. */
  'imports.rejects': {
    input: z.strictObject({ importId: recordId, language: z.enum(LANGUAGES).optional() }),
    output: downloadFile,
  },
  'importTemplates.list': {
    input: z.strictObject({ kind: z.enum(IMPORT_KINDS).optional() }).default({}),
    output: z.array(importTemplate),
  },
  'importTemplates.save': { input: templateSaveInput, output: importTemplate },
  'importTemplates.delete': {
    input: z.strictObject({ id: recordId }),
    output: z.object({ id: recordId }),
  },
  'exports.run': { input: exportInput, output: downloadFile },
  /** Stops a running dry run, commit or export; the database is left exactly as before. */
  'jobs.cancel': { input: jobIdInput, output: z.object({ cancelled: z.boolean() }) },
} as const;
