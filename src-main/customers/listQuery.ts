import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import {
  SEGMENT_KEYS,
  type CustomerFilters,
  type CustomerPage,
  type CustomerSortField,
  type ParsedInput,
} from '../../src-shared/contract';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open';
import { customers, customerTags, orders } from '../db/schema';
import { toCustomerRows } from './read';

export type CustomerListQuery = ParsedInput<'customers.list'>;

/**
 * A segment's rank in SEGMENT_KEYS (0 = Champions … 10 = Lost): segments sort as the ladder the
 * Segments page shows, not alphabetically by key. Built from that one list, so a segment added
 * there sorts in its place. No index serves it: a sort of the matching rows (decision 54).
 */
const segmentRank = sql`(CASE ${customers.segment} ${sql.join(
  SEGMENT_KEYS.map((key, rank) => sql`WHEN ${key} THEN ${rank}`),
  sql` `,
)} END)`;

const SORT_COLUMNS = {
  // The pinyin-aware key, not the raw name: see sortKey.ts.
  name: customers.nameSort,
  company: customers.company,
  email: customers.email,
  phone: customers.phone,
  city: customers.city,
  stage: customers.stage,
  source: customers.source,
  revenue: customers.revenueCents,
  orderCount: customers.orderCount,
  lastOrderAt: customers.lastOrderAt,
  lastContactAt: customers.lastContactAt,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  deletedAt: customers.deletedAt,
  churnRisk: customers.churnRisk,
  clv: customers.clvCents,
  segment: segmentRank,
  cluster: customers.cluster,
} satisfies Record<CustomerSortField, unknown>;

/**
 * Midnight of a calendar day in the local time zone: the backend runs on the owner's own machine,
 * so "last contact before 10 January" means the owner's 10 January, as the list displays it.
 */
const dayStart = (day: string) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).getTime();
};

/** The WHERE clause for a view and its filters; also used by bulk actions on "everything matching". */
export function customerWhere(view: 'active' | 'trash', filters: CustomerFilters): SQL {
  const conditions: (SQL | undefined)[] = [
    view === 'trash' ? isNotNull(customers.deletedAt) : isNull(customers.deletedAt),
  ];
  if (filters.tagIds?.length) {
    conditions.push(
      inArray(
        customers.id,
        sql`(SELECT ${customerTags.customerId} FROM ${customerTags} WHERE ${inArray(customerTags.tagId, filters.tagIds)})`,
      ),
    );
  }
  if (filters.stages?.length) conditions.push(inArray(customers.stage, filters.stages));
  if (filters.sources?.length) conditions.push(inArray(customers.source, filters.sources));
  if (filters.cities?.length) conditions.push(inArray(customers.city, filters.cities));
  if (filters.hasEmail !== undefined) {
    conditions.push(filters.hasEmail ? isNotNull(customers.email) : isNull(customers.email));
  }
  if (filters.hasPhone !== undefined) {
    conditions.push(filters.hasPhone ? isNotNull(customers.phone) : isNull(customers.phone));
  }
  if (filters.lastContactBefore) {
    conditions.push(
      or(isNull(customers.lastContactAt), lt(customers.lastContactAt, dayStart(filters.lastContactBefore))),
    );
  }
  if (filters.lastContactAfter)
    conditions.push(gte(customers.lastContactAt, dayStart(filters.lastContactAfter)));
  if (filters.revenueMinCents !== undefined)
    conditions.push(gte(customers.revenueCents, filters.revenueMinCents));
  if (filters.revenueMaxCents !== undefined)
    conditions.push(lte(customers.revenueCents, filters.revenueMaxCents));
  for (const filter of filters.custom ?? []) conditions.push(customCondition(filter));
  // The latest analytics run's facts, copied onto the rows with the run (decision 39).
  if (filters.segments?.length) conditions.push(inArray(customers.segment, filters.segments));
  if (filters.clusters?.length) conditions.push(inArray(customers.cluster, filters.clusters));
  if (filters.churnRiskMin !== undefined) conditions.push(gte(customers.churnRisk, filters.churnRiskMin));
  if (filters.churnRiskMax !== undefined) conditions.push(lt(customers.churnRisk, filters.churnRiskMax));
  if (filters.orderedFrom || filters.orderedBefore) conditions.push(orderedIn(filters));
  // last_order_at is kept to paid, live orders with the rest of the row's facts (activity/stats.ts).
  if (filters.lastOrderFrom) conditions.push(gte(customers.lastOrderAt, dayStart(filters.lastOrderFrom)));
  if (filters.lastOrderBefore) conditions.push(lt(customers.lastOrderAt, dayStart(filters.lastOrderBefore)));
  if (filters.clvMinCents !== undefined) conditions.push(gte(customers.clvCents, filters.clvMinCents));
  return and(...conditions) as SQL;
}

/** Customers with a paid, live order in [orderedFrom, orderedBefore) (either end may be open). */
function orderedIn({ orderedFrom, orderedBefore }: CustomerFilters): SQL {
  const from = orderedFrom ? sql` AND ${orders.orderedAt} >= ${dayStart(orderedFrom)}` : sql``;
  const before = orderedBefore ? sql` AND ${orders.orderedAt} < ${dayStart(orderedBefore)}` : sql``;
  return sql`${customers.id} IN (SELECT ${orders.customerId} FROM ${orders}
    WHERE ${orders.status} = 'paid' AND ${orders.deletedAt} IS NULL${from}${before})`;
}

function customCondition(filter: NonNullable<CustomerFilters['custom']>[number]): SQL {
  const value = sql`json_extract(${customers.customValues}, ${`$."${filter.fieldId}"`})`;
  switch (filter.op) {
    case 'empty':
      return isNull(value);
    case 'notEmpty':
      return isNotNull(value);
    case 'contains':
      return sql`instr(lower(${value}), lower(${String(filter.value ?? '')})) > 0`;
    case 'gte':
      return sql`${value} >= ${filter.value ?? null}`;
    case 'lte':
      return sql`${value} <= ${filter.value ?? null}`;
    case 'eq':
      return eq(value, filter.value ?? null);
  }
}

/** One window of the customer list: sorted, filtered, with the total for the scrollbar. */
export function listCustomers(db: Db, query: CustomerListQuery): CustomerPage {
  const where = customerWhere(query.view, query.filters);
  const sort = query.sort ?? { field: query.view === 'trash' ? 'deletedAt' : 'updatedAt', direction: 'desc' };
  const order = sort.direction === 'asc' ? asc : desc;
  const rows = db
    .select()
    .from(customers)
    .where(where)
    // The id tie-breaker keeps windows stable when many rows share a sort value.
    // Customers without a score sort after the scored ones either way.
    .orderBy(...nullsLast(sort), order(SORT_COLUMNS[sort.field]), order(customers.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = db.select({ n: count() }).from(customers).where(where).get()?.n ?? 0;
  return { rows: toCustomerRows(db, rows), total, offset: query.offset, limit: query.limit };
}

/**
 * The run's facts, null for a customer without a score (no run yet, no paid order, no cluster).
 * The segment's null test reads the column, not its rank: the run writes only SEGMENT_KEYS, and
 * one CASE per row is enough (the sort over 100,000 rows took 12 ms instead of 18).
 */
const SCORE_COLUMNS: Partial<Record<CustomerSortField, SQLiteColumn>> = {
  churnRisk: customers.churnRisk,
  clv: customers.clvCents,
  segment: customers.segment,
  cluster: customers.cluster,
};

/**
 * Unscored customers go last. Descending, SQLite puts NULL last by itself and walks the
 * (deleted_at, churn_risk) index; ascending needs the extra key (a sort).
 */
function nullsLast({ field, direction }: { field: CustomerSortField; direction: 'asc' | 'desc' }): SQL[] {
  const column = SCORE_COLUMNS[field];
  return column && direction === 'asc' ? [isNull(column)] : [];
}
