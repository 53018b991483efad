import type Database from 'better-sqlite3';
import { refreshCustomerStats } from '../activity/stats';
import { BatchService } from '../batches/service';
import { notFound } from '../core/errors';
import type { JobContext } from '../jobs/context';
import type { CustomerState } from './customers/existingCustomers';
import { CustomerStateWriter } from './customers/customerWrites';
import { IMPORT_BATCH_KIND } from './runImport';

export interface UndoImportJob {
  type: 'undoImport';
  importId: number;
  env: { region: string | null; currency: string };
}

/** What an import batch stores to be undone: the import, and the tags it had to create. */
export interface ImportUndo {
  importId: number;
  tagIds?: number[];
}

/**
 * Undoes one import in the worker (100,000 deletions must not freeze the window): removes the
 * rows it created and puts back the before-image of the customers it changed. A row the owner
 * changed after the import is kept as it is now and counted, never silently overwritten
 * (decision 25); so is a created customer that has since gained its own orders or notes.
 */
export function undoImport(
  ctx: JobContext,
  job: UndoImportJob,
): { importId: number; restored: number; kept: number } {
  const { sqlite } = ctx;
  const row = sqlite.prepare('SELECT batch_id AS batchId FROM imports WHERE id = ?').get(job.importId) as
    { batchId: number } | undefined;
  if (!row) throw notFound('Import', job.importId);
  const batches = new BatchService(sqlite, ctx.clock);
  let kept = 0;
  batches.register(IMPORT_BATCH_KIND, (undo, batchId) => {
    const result = restoreImport(sqlite, undo as ImportUndo, batchId, job.env);
    kept = result.kept;
    return result.restored;
  });
  const result = sqlite.transaction(() => batches.undo(row.batchId)).immediate();
  return { importId: job.importId, restored: result.restored, kept };
}

function restoreImport(
  sqlite: Database.Database,
  undo: ImportUndo,
  batchId: number,
  env: UndoImportJob['env'],
): { restored: number; kept: number } {
  const importedAt = (
    sqlite.prepare('SELECT created_at AS at FROM imports WHERE id = ?').get(undo.importId) as { at: number }
  ).at;
  let restored = 0;
  let kept = 0;
  const touched = new Set<number>();

  // Orders and conversations the import created, unless edited since.
  for (const table of ['orders', 'conversations'] as const) {
    const rows = sqlite
      .prepare(
        `SELECT id, customer_id AS customerId, updated_at AS updatedAt FROM ${table} WHERE batch_id = ?`,
      )
      .all(batchId) as { id: number; customerId: number; updatedAt: number }[];
    const remove = sqlite.prepare(`DELETE FROM ${table} WHERE id = ?`);
    const unsearch = sqlite.prepare('DELETE FROM conversation_search WHERE rowid = ?');
    for (const activity of rows) {
      if (activity.updatedAt > importedAt) {
        kept++;
        continue;
      }
      if (table === 'conversations') unsearch.run(activity.id);
      remove.run(activity.id);
      touched.add(activity.customerId);
      restored++;
    }
  }

  // Customers it changed: the before-image, unless the owner edited them since.
  const writer = new CustomerStateWriter(sqlite, env.region);
  const updates = sqlite
    .prepare(
      `SELECT u.customer_id AS id, u.before, u.written_at AS writtenAt, c.updated_at AS updatedAt
       FROM import_updates u JOIN customers c ON c.id = u.customer_id WHERE u.import_id = ?`,
    )
    .all(undo.importId) as { id: number; before: string; writtenAt: number; updatedAt: number }[];
  for (const update of updates) {
    if (update.updatedAt !== update.writtenAt) {
      kept++;
      continue;
    }
    const before = JSON.parse(update.before) as CustomerState;
    writer.overwrite(update.id, before, before.updatedAt);
    restored++;
  }

  // Customers it created: removed, unless edited since or holding the owner's own activity.
  const created = sqlite
    .prepare(
      `SELECT id, created_at = updated_at AS untouched,
         EXISTS (SELECT 1 FROM orders WHERE customer_id = c.id)
           OR EXISTS (SELECT 1 FROM conversations WHERE customer_id = c.id)
           OR EXISTS (SELECT 1 FROM feedback WHERE customer_id = c.id) AS busy
       FROM customers c WHERE batch_id = ?`,
    )
    .all(batchId) as { id: number; untouched: number; busy: number }[];
  const removeCustomer = sqlite.prepare('DELETE FROM customers WHERE id = ?');
  const release = sqlite.prepare('UPDATE customers SET batch_id = NULL WHERE id = ?');
  for (const customer of created) {
    if (!customer.untouched || customer.busy) {
      release.run(customer.id);
      kept++;
      continue;
    }
    writer.records.removeFromIndex(customer.id);
    removeCustomer.run(customer.id);
    touched.delete(customer.id);
    restored++;
  }

  // Tags it created that nothing uses any more.
  const dropTag = sqlite.prepare(
    'DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM customer_tags WHERE tag_id = ?)',
  );
  for (const tagId of undo.tagIds ?? []) dropTag.run(tagId, tagId);

  refreshCustomerStats(sqlite, [...touched], env.currency);
  return { restored, kept };
}
