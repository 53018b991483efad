import type Database from 'better-sqlite3';
import type { DealStatus } from '../../src-shared/contract';

/** What the customer's timeline says about a deal (customer_events.kind). */
export type DealEventKind =
  'deal_created' | 'deal_stage_changed' | 'deal_won' | 'deal_lost' | 'deal_reopened';

/** A row of the deal's stage history (call inside the write's transaction). */
export function recordStageChange(
  sqlite: Database.Database,
  dealId: number,
  at: number,
  fromStageId: number | null,
  toStageId: number | null,
  status: DealStatus,
): void {
  sqlite
    .prepare(
      'INSERT INTO deal_stage_history (deal_id, at, from_stage_id, to_stage_id, status) VALUES (?, ?, ?, ?, ?)',
    )
    .run(dealId, at, fromStageId, toStageId, status);
}

/** The customer's timeline names the deal as it was then (title and value may change later). */
export function recordDealEvent(
  sqlite: Database.Database,
  dealId: number,
  kind: DealEventKind,
  at: number,
  details: Record<string, unknown>,
): void {
  const deal = sqlite
    .prepare(
      'SELECT customer_id AS customerId, title, value_cents AS valueCents, currency FROM deals WHERE id = ?',
    )
    .get(dealId) as { customerId: number; title: string; valueCents: number; currency: string };
  sqlite.prepare('INSERT INTO customer_events (customer_id, kind, at, data) VALUES (?, ?, ?, ?)').run(
    deal.customerId,
    kind,
    at,
    JSON.stringify({
      dealId,
      title: deal.title,
      valueCents: deal.valueCents,
      currency: deal.currency,
      ...details,
    }),
  );
}
