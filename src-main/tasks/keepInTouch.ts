import type Database from 'better-sqlite3';
import type { KeepInTouch } from '../../src-shared/contract';
import { invalidFields } from '../core/errors';
import { addDays, wallAt } from './zonedTime';

interface CadenceRow {
  everyDays: number | null;
  since: number;
  deletedAt: number | null;
}

/** A customer's keep-in-touch cadence and when contact is next due. */
export function readKeepInTouch(
  sqlite: Database.Database,
  customerId: number,
  timeZone: string,
): KeepInTouch {
  const row = sqlite
    .prepare(
      `SELECT keep_in_touch_days AS everyDays, coalesce(last_contact_at, created_at) AS since,
         deleted_at AS deletedAt FROM customers WHERE id = ?`,
    )
    .get(customerId) as CadenceRow | undefined;
  if (!row || row.deletedAt !== null) {
    throw invalidFields([
      { path: 'customerId', code: 'invalid', message: `Customer ${customerId} does not exist` },
    ]);
  }
  return {
    customerId,
    everyDays: row.everyDays,
    nextDue: row.everyDays === null ? null : addDays(wallAt(row.since, timeZone).date, row.everyDays),
  };
}

/** Sets or clears the cadence; turning it off closes nothing already written (the owner's list). */
export function setKeepInTouch(
  sqlite: Database.Database,
  customerId: number,
  everyDays: number | null,
  timeZone: string,
): KeepInTouch {
  readKeepInTouch(sqlite, customerId, timeZone);
  sqlite.prepare('UPDATE customers SET keep_in_touch_days = ? WHERE id = ?').run(everyDays, customerId);
  return readKeepInTouch(sqlite, customerId, timeZone);
}
