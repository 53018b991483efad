/*
 * The import vocabulary as plain values, without zod: an import's worker thread loads these and
 * not the contract's schemas (zod and every schema cost ~120 ms of each job's start).
 * imports.ts re-exports them, so everything else finds them in the contract as before.
 */

export const IMPORT_KINDS = ['customers', 'orders', 'conversations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Encodings the owner can choose; every GB* detection is reported as gb18030, their superset. */
export const TEXT_ENCODINGS = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** `，` is the full-width comma some Chinese tools write. */
export const DELIMITERS = [',', ';', '\t', '|', '，'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How to read `03/04/2024`: `auto` decides from the whole column and asks when it cannot. */
export const DATE_ORDERS = ['auto', 'ymd', 'dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const MATCH_KEYS = ['email', 'phone', 'externalId'] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];

/** What to do with a row that matches an existing customer. */
export const ON_MATCH = ['skip', 'fill', 'overwrite', 'create'] as const;
export type OnMatch = (typeof ON_MATCH)[number];

/** How an order or conversation row finds its customer, tried in this order. */
export const CUSTOMER_KEYS = ['externalId', 'email', 'phone', 'name'] as const;
export type CustomerKey = (typeof CUSTOMER_KEYS)[number];

/** Where a mapped column goes. Custom fields are `custom:<id>`. */
export const CUSTOMER_TARGETS = [
  'externalId',
  'name',
  'company',
  'jobTitle',
  'email',
  'phone',
  'wechat',
  'country',
  'province',
  'city',
  'street',
  'postcode',
  'source',
  'stage',
  'birthday',
  'notes',
  'tags',
  /** Marketing consent: yes / no / unknown (是 / 否 / 未知). */
  'consent',
] as const;
/** The customer an order or conversation belongs to (and what a missing one is created with). */
const CUSTOMER_REFERENCE_TARGETS = [
  'customerExternalId',
  'customerEmail',
  'customerPhone',
  'customerName',
  'customerCountry',
] as const;
export const ORDER_TARGETS = [
  ...CUSTOMER_REFERENCE_TARGETS,
  /** Lines with the same invoice number become one order; `C…` invoices are cancellations. */
  'invoice',
  'orderedAt',
  /** The order total, when the file has one row per order instead of lines. */
  'amount',
  'currency',
  'status',
  'description',
  'channel',
  'sku',
  'lineDescription',
  'quantity',
  'unitPrice',
] as const;
export const CONVERSATION_TARGETS = [
  ...CUSTOMER_REFERENCE_TARGETS,
  'occurredAt',
  'kind',
  'direction',
  'subject',
  'body',
  'durationMinutes',
] as const;
export const IMPORT_TARGETS = {
  customers: CUSTOMER_TARGETS,
  orders: ORDER_TARGETS,
  conversations: CONVERSATION_TARGETS,
} as const;
export type CustomerTarget = (typeof CUSTOMER_TARGETS)[number];
export type OrderTarget = (typeof ORDER_TARGETS)[number];
export type ConversationTarget = (typeof CONVERSATION_TARGETS)[number];
export type ImportTarget = CustomerTarget | OrderTarget | ConversationTarget | `custom:${number}`;
/** Targets a file may map to more than one column (each becomes another contact / tag). */
export const REPEATABLE_TARGETS: readonly string[] = ['email', 'phone', 'tags'];

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** Raw bytes per upload chunk: base64 of it stays under the web door's 1 MB body cap. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

/** At most this many rejected rows and warnings travel with a summary; the rest are counted. */
export const PROBLEMS_SHOWN = 500;
