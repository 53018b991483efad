import type Database from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import type { BulkAction, ParsedInput } from '../../src-shared/contract';
import type { HandlerSlice } from '../backend/dispatcher';
import type { BatchService } from '../batches/service';
import type { Clock } from '../core/clock';
import { invalidFields } from '../core/errors';
import type { EventHub } from '../core/events';
import type { Db } from '../db/open';
import { customers } from '../db/schema';
import type { SettingsService } from '../settings/service';
import { customerWhere } from './listQuery';
import type { CustomerRecords } from './records';

type BulkInput = ParsedInput<'customers.bulk'>;

/** What `batches.undo` needs to put every touched customer back; only customers that really changed. */
export type BulkUndo =
  | { action: 'addTag'; tagId: number; customerIds: number[] }
  | { action: 'removeTag'; tagId: number; customerIds: number[] }
  | { action: 'setStage'; stage: string | null; previous: [customerId: number, stage: string | null][] }
  | { action: 'trash'; deletedAt: number; customerIds: number[] };

export const BULK_BATCH_KIND = 'bulk';

export interface BulkDeps {
  sqlite: Database.Database;
  db: Db;
  clock: Clock;
  events: EventHub;
  settings: SettingsService;
  batches: BatchService;
  records: CustomerRecords;
}

// Id lists travel as one JSON parameter: 100,000 ids would exceed SQLite's bound-variable limit.
const IN_IDS = 'IN (SELECT value FROM json_each(?))';

/**
 * One action on many customers (picked rows or everything a filter matches), in one transaction,
 * recorded as a change batch so the whole change can be undone. Timeline events carry the batch id
 * and go away with the undo.
 */
export class BulkService {
  constructor(private readonly deps: BulkDeps) {}

  run({ target, action }: BulkInput): { batchId: number; affected: number } {
    const { sqlite, batches } = this.deps;
    const result = sqlite.transaction(() => {
      this.check(action);
      const ids = this.targetIds(target);
      const batchId = batches.start(BULK_BATCH_KIND);
      const undo = this.apply(action, ids, batchId);
      batches.setUndo(batchId, undo);
      return { batchId, affected: touched(undo).length };
    })();
    if (result.affected > 0)
      this.deps.events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
    return result;
  }

  /**
   * Registered as the `bulk` undoer; runs inside the undo transaction. A customer changed again
   * since the batch (another stage set by hand, trashed again by a merge) keeps that later change:
   * undo puts back only what the batch itself did.
   */
  undo(undo: BulkUndo, batchId: number): number {
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    const forgetEvents = sqlite.prepare('DELETE FROM customer_events WHERE batch_id = ? AND customer_id = ?');
    if (undo.action === 'addTag' || undo.action === 'removeTag') {
      sqlite.prepare('DELETE FROM customer_events WHERE batch_id = ?').run(batchId);
    }
    switch (undo.action) {
      case 'addTag':
        return sqlite
          .prepare(`DELETE FROM customer_tags WHERE tag_id = ? AND customer_id ${IN_IDS}`)
          .run(undo.tagId, JSON.stringify(undo.customerIds)).changes;
      case 'removeTag':
        // Customers purged since then are skipped (their rows are gone; the foreign key would refuse).
        return sqlite
          .prepare(
            `INSERT OR IGNORE INTO customer_tags (customer_id, tag_id)
             SELECT c.id, ? FROM customers c WHERE c.id ${IN_IDS}`,
          )
          .run(undo.tagId, JSON.stringify(undo.customerIds)).changes;
      case 'setStage': {
        const put = sqlite.prepare(
          'UPDATE customers SET stage = ?, updated_at = ? WHERE id = ? AND stage IS ?',
        );
        return undo.previous.reduce((sum, [id, stage]) => {
          const reverted = put.run(stage, now, id, undo.stage).changes;
          if (reverted > 0) forgetEvents.run(batchId, id);
          return sum + reverted;
        }, 0);
      }
      case 'trash':
        // Only rows still carrying this batch's deletion time: a later delete or merge stands.
        return sqlite
          .prepare(
            `UPDATE customers SET deleted_at = NULL, updated_at = ? WHERE deleted_at = ? AND id ${IN_IDS}`,
          )
          .run(now, undo.deletedAt, JSON.stringify(undo.customerIds)).changes;
    }
  }

  /** References a schema cannot check: the stage against Settings, the tag against live tags. */
  private check(action: BulkAction): void {
    if (action.type === 'setStage' && action.stage !== null) {
      const stages = this.deps.settings.get().customerStages;
      if (!stages.some((option) => option.key === action.stage)) {
        throw invalidFields([
          { path: 'action.stage', code: 'option', message: `"${action.stage}" is not a stage in Settings` },
        ]);
      }
    }
    if (action.type === 'addTag' || action.type === 'removeTag') {
      const live = this.deps.sqlite
        .prepare('SELECT 1 FROM tags WHERE id = ? AND deleted_at IS NULL')
        .get(action.tagId);
      if (!live) {
        throw invalidFields([
          { path: 'action.tagId', code: 'option', message: `Tag ${action.tagId} does not exist` },
        ]);
      }
    }
  }

  /** Customers not in the trash: ids that no longer exist or were deleted elsewhere are skipped. */
  private targetIds(target: BulkInput['target']): number[] {
    if ('ids' in target) {
      const rows = this.deps.sqlite
        .prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND id ${IN_IDS} ORDER BY id`)
        .all(JSON.stringify(target.ids)) as { id: number }[];
      return rows.map((row) => row.id);
    }
    return this.deps.db
      .select({ id: customers.id })
      .from(customers)
      .where(customerWhere('active', target.filters))
      .orderBy(asc(customers.id))
      .all()
      .map((row) => row.id);
  }

  private apply(action: BulkAction, ids: number[], batchId: number): BulkUndo {
    const { sqlite, clock, records } = this.deps;
    const now = clock.now();
    const event = (id: number, kind: string, data: Record<string, unknown>) =>
      records.recordEvent(id, kind, now, data, batchId);
    let undo: BulkUndo;
    switch (action.type) {
      case 'addTag': {
        const add = sqlite.prepare('INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)');
        const gained = ids.filter((id) => add.run(id, action.tagId).changes > 0);
        gained.forEach((id) => event(id, 'tag_added', { tagId: action.tagId }));
        undo = { action: 'addTag', tagId: action.tagId, customerIds: gained };
        break;
      }
      case 'removeTag': {
        const remove = sqlite.prepare('DELETE FROM customer_tags WHERE customer_id = ? AND tag_id = ?');
        const lost = ids.filter((id) => remove.run(id, action.tagId).changes > 0);
        lost.forEach((id) => event(id, 'tag_removed', { tagId: action.tagId }));
        undo = { action: 'removeTag', tagId: action.tagId, customerIds: lost };
        break;
      }
      case 'setStage': {
        const current = sqlite
          .prepare(`SELECT id, stage FROM customers WHERE id ${IN_IDS} ORDER BY id`)
          .all(JSON.stringify(ids)) as { id: number; stage: string | null }[];
        const changing = current.filter((row) => row.stage !== action.stage);
        const set = sqlite.prepare('UPDATE customers SET stage = ? WHERE id = ?');
        for (const row of changing) {
          set.run(action.stage, row.id);
          event(row.id, 'stage_changed', { from: row.stage, to: action.stage });
        }
        undo = {
          action: 'setStage',
          stage: action.stage,
          previous: changing.map((row) => [row.id, row.stage]),
        };
        break;
      }
      case 'trash':
        sqlite
          .prepare(`UPDATE customers SET deleted_at = ? WHERE id ${IN_IDS}`)
          .run(now, JSON.stringify(ids));
        undo = { action: 'trash', deletedAt: now, customerIds: ids };
        break;
    }
    sqlite
      .prepare(`UPDATE customers SET updated_at = ? WHERE id ${IN_IDS}`)
      .run(now, JSON.stringify(touched(undo)));
    return undo;
  }
}

function touched(undo: BulkUndo): number[] {
  return undo.action === 'setStage' ? undo.previous.map(([id]) => id) : undo.customerIds;
}

export function bulkHandlers(bulk: BulkService): HandlerSlice<'customers.bulk'> {
  return { 'customers.bulk': (input) => bulk.run(input) };
}
