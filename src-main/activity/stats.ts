import type Database from 'better-sqlite3';

/**
 * The derived columns on `customers` (revenue, order count, first/last order, last contact) are
 * recomputed from the rows they summarise, never adjusted by deltas: a merge, an import, an undo
 * or a currency change can then all call the same function and cannot drift.
 *
 * - revenue_cents: paid, non-deleted orders in the owner's currency (other currencies are shown
 *   per currency on the customer page, never summed into this one);
 * - order_count, first_order_at, last_order_at: paid, non-deleted orders in any currency;
 * - last_contact_at: the latest non-deleted conversation.
 *
 * One set-based UPDATE … FROM over aggregates (one pass over orders and conversations) rather
 * than correlated subqueries per customer, so refreshing 100,000 customers stays one scan.
 */
function statsUpdate(scope: 'all' | 'some'): string {
  const only = (column: string) =>
    scope === 'some' ? `AND ${column} IN (SELECT value FROM json_each(@ids))` : '';
  return `
    UPDATE customers SET
      revenue_cents = coalesce(s.revenue, 0),
      order_count = coalesce(s.paid_orders, 0),
      first_order_at = s.first_order_at,
      last_order_at = s.last_order_at,
      last_contact_at = s.last_contact_at
    FROM (
      SELECT c.id, o.revenue, o.paid_orders, o.first_order_at, o.last_order_at, v.last_contact_at
      FROM customers c
      LEFT JOIN (
        SELECT customer_id,
          sum(CASE WHEN currency = @currency THEN amount_cents END) AS revenue,
          count(*) AS paid_orders,
          min(ordered_at) AS first_order_at,
          max(ordered_at) AS last_order_at
        FROM orders
        WHERE status = 'paid' AND deleted_at IS NULL ${only('customer_id')}
        GROUP BY customer_id
      ) o ON o.customer_id = c.id
      LEFT JOIN (
        SELECT customer_id, max(occurred_at) AS last_contact_at
        FROM conversations
        WHERE deleted_at IS NULL ${only('customer_id')}
        GROUP BY customer_id
      ) v ON v.customer_id = c.id
      WHERE 1 = 1 ${only('c.id')}
    ) s
    WHERE s.id = customers.id`;
}

const prepared = new WeakMap<Database.Database, Record<'all' | 'some', Database.Statement>>();

function statements(sqlite: Database.Database): Record<'all' | 'some', Database.Statement> {
  let found = prepared.get(sqlite);
  if (!found) {
    found = { all: sqlite.prepare(statsUpdate('all')), some: sqlite.prepare(statsUpdate('some')) };
    prepared.set(sqlite, found);
  }
  return found;
}

/**
 * Recomputes the derived columns of the given customers. Call it inside the transaction that
 * changed their orders or conversations (or moved them between customers: pass both ids).
 */
export function refreshCustomerStats(
  sqlite: Database.Database,
  customerIds: number[],
  currency: string,
): void {
  if (customerIds.length === 0) return;
  statements(sqlite).some.run({ ids: JSON.stringify([...new Set(customerIds)]), currency });
}

/** Recomputes the derived columns of every customer (after an import, demo load or a currency change). */
export function refreshAllStats(sqlite: Database.Database, currency: string): void {
  statements(sqlite).all.run({ currency });
}
