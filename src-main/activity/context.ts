import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Clock } from '../core/clock';
import { AppError, notFound } from '../core/errors';
import type { EventHub } from '../core/events';
import type { Db } from '../db/open';
import { customers } from '../db/schema';
import type { SettingsService } from '../settings/service';
import { refreshCustomerStats } from './stats';

export interface ActivityDeps {
  sqlite: Database.Database;
  db: Db;
  clock: Clock;
  events: EventHub;
  settings: SettingsService;
}

/**
 * Orders, conversations and feedback are written only for a customer outside the trash: adding
 * history to a deleted record would hide it (the trash shows no timeline) and a purge would erase
 * it without the owner having seen it. Such a customer answers NOT_FOUND, like a missing one,
 * with a message that says what to do.
 */
export function requireLiveCustomer(db: Db, customerId: number): void {
  const row = db
    .select({ deletedAt: customers.deletedAt })
    .from(customers)
    .where(eq(customers.id, customerId))
    .get();
  if (!row) throw notFound('Customer', customerId);
  if (row.deletedAt !== null) {
    throw new AppError('NOT_FOUND', `Customer ${customerId} is in the trash; restore it first.`);
  }
}

export type ActivityTable = 'orders' | 'conversations' | 'feedback';

/**
 * Moves a row of `table` into the trash (keeping the first deletion time if it is already there)
 * or out of it, and returns its customer. Call inside a transaction: a customer in the trash
 * throws after the UPDATE, which the transaction then rolls back.
 */
export function setTrashed(
  deps: ActivityDeps,
  table: ActivityTable,
  what: string,
  id: number,
  trashed: boolean,
): number {
  const row = deps.sqlite
    .prepare(
      `UPDATE ${table} SET deleted_at = ${trashed ? 'coalesce(deleted_at, @now)' : 'NULL'}, updated_at = @now
       WHERE id = @id RETURNING customer_id AS customerId`,
    )
    .get({ id, now: deps.clock.now() }) as { customerId: number } | undefined;
  if (!row) throw notFound(what, id);
  requireLiveCustomer(deps.db, row.customerId);
  return row.customerId;
}

/** Edits are refused on a row in the trash: restore it first (NOT_FOUND, as for a missing row). */
export function requireEditable<T extends { deletedAt: number | null }>(
  what: string,
  id: number,
  row: T | undefined,
): T {
  if (!row) throw notFound(what, id);
  if (row.deletedAt !== null)
    throw new AppError('NOT_FOUND', `${what} ${id} is in the trash; restore it first.`);
  return row;
}

/** An ISO-8601 instant (already checked by the contract) as epoch milliseconds. */
export const epochOf = (iso: string): number => Date.parse(iso);

/** Runs a write and the customer's derived columns in one transaction, then tells the UI. */
export function writeWithStats<T>(deps: ActivityDeps, write: () => { result: T; customerIds: number[] }): T {
  const currency = deps.settings.get().currency;
  const result = deps.sqlite.transaction(() => {
    const outcome = write();
    refreshCustomerStats(deps.sqlite, outcome.customerIds, currency);
    return outcome.result;
  })();
  deps.events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
  return result;
}
