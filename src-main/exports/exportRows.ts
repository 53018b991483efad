import type Database from 'better-sqlite3';
import { parseCustomValues } from '../customers/customValues';
import type { ScopeCondition } from './exportScope';

/**
 * What each export reads, one row at a time (`iterate`), so 100,000 customers never sit in memory
 * twice. Everything a row needs comes from the same statement (contacts and tags as JSON
 * subqueries): a connection cannot run another statement while an iteration is open.
 */
export interface RowSource<Row> {
  total: number;
  rows: Iterable<Row>;
}

export interface CustomerExportRow {
  uid: string;
  externalId: string | null;
  name: string;
  company: string | null;
  jobTitle: string | null;
  wechat: string | null;
  country: string | null;
  province: string | null;
  city: string | null;
  street: string | null;
  postcode: string | null;
  source: string | null;
  stage: string | null;
  birthday: string | null;
  notes: string | null;
  consent: string;
  updatedAt: number;
  /** In the owner's order: the first one is the primary one. */
  emails: string[];
  phones: { value: string; e164: string | null }[];
  /** Live tag names, alphabetical. */
  tags: string[];
  custom: Record<string, string | number>;
}

/** The customer an order or conversation belongs to, by the keys an import finds customers with. */
export interface CustomerReference {
  customerExternalId: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  customerName: string;
}

/** One order line with its order's fields; an order without lines has the line fields null. */
export interface OrderExportRow extends CustomerReference {
  uid: string;
  externalRef: string | null;
  orderedAt: number;
  amountCents: number;
  currency: string;
  status: string;
  description: string | null;
  channel: string | null;
  sku: string | null;
  lineDescription: string | null;
  quantity: number | null;
  unitPriceCents: number | null;
}

export interface ConversationExportRow extends CustomerReference {
  occurredAt: number;
  kind: string;
  direction: string | null;
  subject: string | null;
  body: string | null;
  durationMinutes: number | null;
}

const contactList = (kind: 'email' | 'phone', item: string) =>
  `(SELECT json_group_array(${item}) FROM (SELECT value, normalized FROM customer_contacts
     WHERE customer_id = c.id AND kind = '${kind}' ORDER BY position))`;

const CUSTOMER_SELECT = `SELECT c.uid, c.external_id AS externalId, c.name, c.company, c.job_title AS jobTitle,
  c.wechat, c.country, c.province, c.city, c.street, c.postcode, c.source, c.stage, c.birthday, c.notes, c.consent,
  c.updated_at AS updatedAt, c.custom_values AS customValues,
  ${contactList('email', 'value')} AS emails,
  ${contactList('phone', 'json_array(value, normalized)')} AS phones,
  (SELECT json_group_array(name) FROM (SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id
     WHERE ct.customer_id = c.id AND t.deleted_at IS NULL ORDER BY t.name)) AS tags`;

type StoredCustomer = Omit<CustomerExportRow, 'emails' | 'phones' | 'tags' | 'custom'> & {
  customValues: string;
  emails: string;
  phones: string;
  tags: string;
};

function* mapRows<Stored, Row>(rows: Iterable<Stored>, map: (row: Stored) => Row): Iterable<Row> {
  for (const row of rows) yield map(row);
}

function source<Stored, Row>(
  sqlite: Database.Database,
  query: { select: string; from: string; order: string },
  scope: ScopeCondition,
  map: (row: Stored) => Row,
): RowSource<Row> {
  const total = sqlite
    .prepare(`SELECT count(*) FROM ${query.from}`)
    .pluck()
    .get(...scope.params) as number;
  const rows = sqlite
    .prepare(`${query.select} FROM ${query.from} ORDER BY ${query.order}`)
    .iterate(...scope.params) as Iterable<Stored>;
  return { total, rows: mapRows(rows, map) };
}

/** Customers in list order (pinyin-aware name, see customers/sortKey.ts). */
export function customerRows(sqlite: Database.Database, scope: ScopeCondition): RowSource<CustomerExportRow> {
  return source(
    sqlite,
    { select: CUSTOMER_SELECT, from: `customers c WHERE ${scope.sql}`, order: 'c.name_sort, c.id' },
    scope,
    ({ customValues, emails, phones, tags, ...row }: StoredCustomer) => ({
      ...row,
      emails: JSON.parse(emails) as string[],
      phones: (JSON.parse(phones) as [string, string | null][]).map(([value, e164]) => ({ value, e164 })),
      tags: JSON.parse(tags) as string[],
      custom: parseCustomValues(customValues),
    }),
  );
}

/** The most emails and phones any one customer in scope has: how many columns each gets. */
export function contactColumnCounts(
  sqlite: Database.Database,
  scope: ScopeCondition,
): { email: number; phone: number } {
  const rows = sqlite
    .prepare(
      `SELECT kind, max(n) AS most FROM (
         SELECT cc.kind, count(*) AS n FROM customer_contacts cc JOIN customers c ON c.id = cc.customer_id
         WHERE ${scope.sql} GROUP BY cc.customer_id, cc.kind)
       GROUP BY kind`,
    )
    .all(...scope.params) as { kind: 'email' | 'phone'; most: number }[];
  const counts = { email: 0, phone: 0 };
  for (const row of rows) counts[row.kind] = row.most;
  return counts;
}

const REFERENCE_SELECT = `c.external_id AS customerExternalId, c.email AS customerEmail,
  c.phone AS customerPhone, c.name AS customerName`;

/** One row per order line, orders by date; trashed orders are left out. */
export function orderRows(sqlite: Database.Database, scope: ScopeCondition): RowSource<OrderExportRow> {
  return source(
    sqlite,
    {
      select: `SELECT ${REFERENCE_SELECT}, o.uid, o.external_ref AS externalRef, o.ordered_at AS orderedAt,
        o.amount_cents AS amountCents, o.currency, o.status, o.description, o.channel, l.sku,
        l.description AS lineDescription, l.quantity, l.unit_price_cents AS unitPriceCents`,
      from: `orders o JOIN customers c ON c.id = o.customer_id LEFT JOIN order_lines l ON l.order_id = o.id
        WHERE o.deleted_at IS NULL AND ${scope.sql}`,
      order: 'o.ordered_at, o.id, l.position',
    },
    scope,
    (row: OrderExportRow) => row,
  );
}

/** Conversations by date; trashed ones are left out. */
export function conversationRows(
  sqlite: Database.Database,
  scope: ScopeCondition,
): RowSource<ConversationExportRow> {
  return source(
    sqlite,
    {
      select: `SELECT ${REFERENCE_SELECT}, v.occurred_at AS occurredAt, v.kind, v.direction, v.subject, v.body,
        v.duration_minutes AS durationMinutes`,
      from: `conversations v JOIN customers c ON c.id = v.customer_id WHERE v.deleted_at IS NULL AND ${scope.sql}`,
      order: 'v.occurred_at, v.id',
    },
    scope,
    (row: ConversationExportRow) => row,
  );
}

/** Live custom fields in the owner's order, for the default customer columns. */
export function liveCustomFields(sqlite: Database.Database): { id: number; label: string }[] {
  return sqlite
    .prepare('SELECT id, label FROM custom_fields WHERE deleted_at IS NULL ORDER BY position, id')
    .all() as { id: number; label: string }[];
}
