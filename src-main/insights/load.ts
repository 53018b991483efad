import type Database from 'better-sqlite3';
import { localDay, type CustomerOrders } from '../analytics/history';

/**
 * What a run reads, with one query per kind of row: every live customer's paid and refunded
 * orders in one currency (amounts in different currencies cannot be added up; decision 37),
 * and the feedback by month.
 */
export interface AnalyticsInputs {
  currency: string;
  histories: CustomerOrders[];
  liveCustomers: number;
  orders: number;
  /** The latest paid order (epoch ms), or null when there is none. */
  lastOrderAt: number | null;
}

/**
 * The owner's currency, unless none of their paid orders is in it: then the currency most of them
 * are in (an Online Retail file imported in GBP into a CNY shop is analysed in GBP, not as empty).
 */
export function analysisCurrency(sqlite: Database.Database, ownCurrency: string): string {
  // Usually there are orders in the owner's currency: one index probe says so, no scan.
  const own = sqlite
    .prepare(`SELECT 1 FROM orders WHERE currency = ? AND status = 'paid' AND deleted_at IS NULL LIMIT 1`)
    .get(ownCurrency);
  if (own) return ownCurrency;
  const rows = sqlite
    .prepare(
      `SELECT currency, count(*) AS n FROM orders WHERE deleted_at IS NULL AND status = 'paid'
       GROUP BY currency ORDER BY n DESC, currency`,
    )
    .all() as { currency: string; n: number }[];
  if (rows.length === 0 || rows.some((row) => row.currency === ownCurrency)) return ownCurrency;
  return rows[0]!.currency;
}

export function loadHistories(sqlite: Database.Database, ownCurrency: string): AnalyticsInputs {
  const currency = analysisCurrency(sqlite, ownCurrency);
  const rows = sqlite
    .prepare(
      `SELECT o.customer_id, o.ordered_at, o.amount_cents, o.status = 'refunded'
       FROM orders o JOIN customers c ON c.id = o.customer_id
       WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL AND o.currency = ?
         AND o.status IN ('paid', 'refunded')
       ORDER BY o.customer_id, o.ordered_at`,
    )
    .raw()
    .iterate(currency) as IterableIterator<[number, number, number, number]>;
  const histories: CustomerOrders[] = [];
  let current: CustomerOrders | undefined;
  let orders = 0;
  let lastOrderAt: number | null = null;
  // Rows arrive by customer and time, so histories are built in one pass with nothing to sort.
  for (const [customerId, at, cents, refunded] of rows) {
    if (current === undefined || current.customerId !== customerId) {
      current = { customerId, at: [], day: [], cents: [], refundAt: [], refundCents: [] };
      histories.push(current);
    }
    if (refunded) {
      current.refundAt.push(at);
      current.refundCents.push(cents);
      continue;
    }
    orders++;
    current.at.push(at);
    current.day.push(localDay(at));
    current.cents.push(cents);
    if (lastOrderAt === null || at > lastOrderAt) lastOrderAt = at;
  }
  const liveCustomers = (
    sqlite.prepare('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL').get() as { n: number }
  ).n;
  return { currency, histories, liveCustomers, orders, lastOrderAt };
}

export interface SatisfactionRow {
  month: string;
  csatResponses: number;
  csatPercent: number | null;
  npsResponses: number;
  nps: number | null;
}

/**
 * CSAT % (share of 4s and 5s) and NPS (promoters 9–10 minus detractors 0–6, in points) per local
 * calendar month, the same arithmetic as the customer page's summary.
 */
export function satisfactionByMonth(sqlite: Database.Database, before: number): SatisfactionRow[] {
  const rows = sqlite
    .prepare(
      `SELECT strftime('%Y-%m', f.answered_at / 1000, 'unixepoch', 'localtime') AS month,
         sum(f.kind = 'csat') AS csat, sum(f.kind = 'csat' AND f.score >= 4) AS satisfied,
         sum(f.kind = 'nps') AS nps, sum(f.kind = 'nps' AND f.score >= 9) AS promoters,
         sum(f.kind = 'nps' AND f.score <= 6) AS detractors
       FROM feedback f JOIN customers c ON c.id = f.customer_id
       WHERE f.deleted_at IS NULL AND c.deleted_at IS NULL AND f.answered_at < ?
       GROUP BY month ORDER BY month`,
    )
    .all(before) as {
    month: string;
    csat: number;
    satisfied: number;
    nps: number;
    promoters: number;
    detractors: number;
  }[];
  return rows.map((row) => ({
    month: row.month,
    csatResponses: row.csat,
    csatPercent: row.csat === 0 ? null : (row.satisfied / row.csat) * 100,
    npsResponses: row.nps,
    nps: row.nps === 0 ? null : ((row.promoters - row.detractors) / row.nps) * 100,
  }));
}

/**
 * What the results depend on, in a few aggregates read through indexes where there are some:
 * the same fingerprint means the same data, so an automatic run has nothing to do.
 */
export function dataFingerprint(sqlite: Database.Database): string {
  const part = (sql: string) => JSON.stringify(Object.values(sqlite.prepare(sql).get() as object));
  return [
    part('SELECT count(*), max(id), max(updated_at), total(amount_cents) FROM orders'),
    part('SELECT count(*), max(id), sum(deleted_at IS NULL), max(deleted_at) FROM customers'),
    part('SELECT count(*), max(id), max(updated_at) FROM feedback'),
  ].join('|');
}
