import type Database from 'better-sqlite3';
import {
  CUSTOMER_LIMITS,
  effectiveRegion,
  type FieldIssue,
  type MergeField,
} from '../../src-shared/contract';
import { refreshCustomerStats } from '../activity/stats';
import type { BatchService } from '../batches/service';
import type { Clock } from '../core/clock';
import { AppError, invalidFields, notFound } from '../core/errors';
import type { EventHub } from '../core/events';
import { parseCustomValues } from '../customers/customValues';
import { SCALAR_COLUMNS, scalarColumn, type CustomerRecords } from '../customers/records';
import type { SettingsService } from '../settings/service';

export interface MergeDeps {
  sqlite: Database.Database;
  clock: Clock;
  events: EventHub;
  settings: SettingsService;
  records: CustomerRecords;
  batches: BatchService;
}

export const MERGE_BATCH_KIND = 'merge';

/** Every column of the kept record a merge may rewrite, so undo can put each back as it was. */
const RESTORED_COLUMNS = [
  ...SCALAR_COLUMNS,
  'name_sort',
  'email',
  'phone',
  'consent_at',
  'custom_values',
  'updated_at',
] as const;
type RestoredRow = Record<(typeof RESTORED_COLUMNS)[number], string | number | null>;

/** Rows that belong to a customer and follow them into the kept record. */
const MOVED_TABLES = ['orders', 'conversations', 'feedback', 'customer_events'] as const;
type MovedTable = (typeof MOVED_TABLES)[number];

interface ContactRow {
  kind: 'email' | 'phone';
  position: number;
  value: string;
  normalized: string | null;
  valid: number;
}

/** What `batches.undo` needs to put both records back exactly (stored as JSON in change_batches). */
interface MergeUndo {
  keptId: number;
  mergedId: number;
  kept: { row: RestoredRow; contacts: ContactRow[]; tagIds: number[] };
  merged: { deletedAt: number | null; updatedAt: number };
  moved: Record<MovedTable, number[]>;
  /** When the merge happened: both records still carry it unless something changed them since. */
  mergedAt: number;
}

/**
 * Merges two records of one person: the owner's picks of scalar fields, every email, phone, tag
 * and custom value of both, and all history (orders, conversations, feedback, timeline events)
 * end up on the kept record; the other goes to the trash. One transaction, undoable as a batch.
 */
export class CustomerMerge {
  private readonly statements;

  constructor(private readonly deps: MergeDeps) {
    const { sqlite } = deps;
    const assignments = RESTORED_COLUMNS.map((column) => `${column} = @${column}`).join(', ');
    this.statements = {
      customer: sqlite.prepare(
        `SELECT id, deleted_at, ${RESTORED_COLUMNS.join(', ')} FROM customers WHERE id = ?`,
      ),
      contacts: sqlite.prepare(
        `SELECT kind, position, value, normalized, valid FROM customer_contacts
         WHERE customer_id = ? ORDER BY position`,
      ),
      tagIds: sqlite.prepare('SELECT tag_id AS id FROM customer_tags WHERE customer_id = ? ORDER BY tag_id'),
      restoreRow: sqlite.prepare(`UPDATE customers SET ${assignments} WHERE id = @id`),
      deleteContacts: sqlite.prepare('DELETE FROM customer_contacts WHERE customer_id = ?'),
      insertContact: sqlite.prepare(
        `INSERT INTO customer_contacts (customer_id, kind, position, value, normalized, valid)
         VALUES (@customerId, @kind, @position, @value, @normalized, @valid)`,
      ),
      trash: sqlite.prepare('UPDATE customers SET deleted_at = ?, updated_at = ? WHERE id = ?'),
      move: Object.fromEntries(
        MOVED_TABLES.map((table) => [
          table,
          sqlite.prepare(`UPDATE ${table} SET customer_id = ? WHERE customer_id = ? RETURNING id`),
        ]),
      ) as Record<MovedTable, Database.Statement>,
      moveBack: Object.fromEntries(
        MOVED_TABLES.map((table) => [
          table,
          sqlite.prepare(
            `UPDATE ${table} SET customer_id = @to
             WHERE id IN (SELECT value FROM json_each(@ids)) AND customer_id = @from`,
          ),
        ]),
      ) as Record<MovedTable, Database.Statement>,
      moveSearch: sqlite.prepare(
        `UPDATE conversation_search SET customer_id = @to
         WHERE rowid IN (SELECT value FROM json_each(@ids)) AND customer_id = @from`,
      ),
      deleteBatchEvents: sqlite.prepare('DELETE FROM customer_events WHERE batch_id = ? AND customer_id = ?'),
    };
  }

  merge(
    keepId: number,
    mergeId: number,
    take: { fields: MergeField[]; custom: string[] },
  ): { batchId: number } {
    const takeFromMerged = take.fields;
    if (keepId === mergeId) {
      throw invalidFields([
        { path: 'mergeId', code: 'invalid', message: 'A customer cannot be merged into itself' },
      ]);
    }
    const { sqlite, clock, records, batches } = this.deps;
    const settings = this.deps.settings.get();
    const now = clock.now();
    const batchId = sqlite.transaction(() => {
      const kept = this.liveCustomer(keepId);
      const merged = this.liveCustomer(mergeId);
      const keptContacts = this.contactsOf(keepId);
      const mergedContacts = this.contactsOf(mergeId);
      const keptTags = this.tagIdsOf(keepId);
      const id = batches.start(MERGE_BATCH_KIND);

      const row: RestoredRow = { ...kept.row, updated_at: now };
      for (const field of new Set(takeFromMerged)) row[scalarColumn(field)] = merged.row[scalarColumn(field)];
      // Derived from the fields taken: the sort key of the name, the date consent was given.
      if (takeFromMerged.includes('name')) row.name_sort = merged.row.name_sort;
      if (takeFromMerged.includes('consent')) row.consent_at = merged.row.consent_at;
      row.custom_values = JSON.stringify(
        uniteCustomValues(
          parseCustomValues(String(kept.row.custom_values)),
          parseCustomValues(String(merged.row.custom_values)),
          take.custom,
        ),
      );
      this.statements.restoreRow.run({ ...row, id: keepId });

      const emails = unite(keptContacts, mergedContacts, 'email');
      const phones = unite(keptContacts, mergedContacts, 'phone');
      const tagIds = [...new Set([...keptTags, ...this.tagIdsOf(mergeId)])];
      refuseOverLimits({ emails, phones, tagIds });
      records.setContacts(keepId, emails, phones, effectiveRegion(settings));
      records.setTags(keepId, tagIds);

      const moved = Object.fromEntries(
        MOVED_TABLES.map((table) => [
          table,
          (this.statements.move[table].all(keepId, mergeId) as { id: number }[]).map((moved) => moved.id),
        ]),
      ) as Record<MovedTable, number[]>;
      this.statements.moveSearch.run({ to: keepId, from: mergeId, ids: JSON.stringify(moved.conversations) });

      this.statements.trash.run(now, now, mergeId);
      records.reindex(keepId);
      refreshCustomerStats(sqlite, [keepId, mergeId], settings.currency);
      records.recordEvent(keepId, 'merged', now, { otherId: mergeId, otherName: merged.row.name }, id);

      const undo: MergeUndo = {
        keptId: keepId,
        mergedId: mergeId,
        kept: { row: kept.row, contacts: keptContacts, tagIds: keptTags },
        merged: { deletedAt: null, updatedAt: Number(merged.row.updated_at) },
        moved,
        mergedAt: now,
      };
      batches.setUndo(id, undo);
      return id;
    })();
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
    return { batchId };
  }

  /**
   * Puts both records back as they were before the merge (runs inside the batch's undo transaction).
   * Rows that have since moved on to a third record (a later merge) stay where they are.
   */
  undo(payload: unknown, batchId: number): number {
    const undo = payload as MergeUndo;
    const { keptId, mergedId } = undo;
    for (const id of [keptId, mergedId]) {
      if (!this.statements.customer.get(id)) {
        throw new AppError(
          'CONFLICT',
          `Customer ${id} was purged from the trash; the merge cannot be undone.`,
        );
      }
    }
    this.refuseIfChangedSince(undo);
    this.statements.deleteBatchEvents.run(batchId, keptId);
    let restored = 2;
    for (const table of MOVED_TABLES) {
      const move = { to: mergedId, from: keptId, ids: JSON.stringify(undo.moved[table]) };
      restored += this.statements.moveBack[table].run(move).changes;
      if (table === 'conversations') this.statements.moveSearch.run(move);
    }
    this.statements.restoreRow.run({ ...undo.kept.row, id: keptId });
    this.statements.deleteContacts.run(keptId);
    for (const contact of undo.kept.contacts)
      this.statements.insertContact.run({ ...contact, customerId: keptId });
    this.deps.records.setTags(keptId, undo.kept.tagIds, { exactly: true });
    this.statements.trash.run(undo.merged.deletedAt, undo.merged.updatedAt, mergedId);
    this.deps.records.reindex(keptId);
    this.deps.records.reindex(mergedId);
    refreshCustomerStats(this.deps.sqlite, [keptId, mergedId], this.deps.settings.get().currency);
    return restored;
  }

  /**
   * Undo writes the kept record back as it was before the merge; if the owner edited it since (or
   * the other record was restored, merged again or deleted), that would silently lose their work.
   */
  private refuseIfChangedSince(undo: MergeUndo): void {
    const kept = this.statements.customer.get(undo.keptId) as {
      updated_at: number;
      deleted_at: number | null;
    };
    const merged = this.statements.customer.get(undo.mergedId) as { deleted_at: number | null };
    if (
      kept.updated_at !== undo.mergedAt ||
      kept.deleted_at !== null ||
      merged.deleted_at !== undo.mergedAt
    ) {
      throw new AppError(
        'CONFLICT',
        `Customer ${undo.keptId} or ${undo.mergedId} changed after the merge; undoing it now would lose those changes. Nothing was changed.`,
      );
    }
  }

  private liveCustomer(id: number): { row: RestoredRow } {
    const found = this.statements.customer.get(id) as
      (RestoredRow & { id: number; deleted_at: number | null }) | undefined;
    if (!found) throw notFound('Customer', id);
    if (found.deleted_at !== null) {
      throw new AppError('NOT_FOUND', `Customer ${id} is in the trash; restore it before merging.`);
    }
    const { id: _id, deleted_at: _deletedAt, ...row } = found;
    return { row };
  }

  private contactsOf(customerId: number): ContactRow[] {
    return this.statements.contacts.all(customerId) as ContactRow[];
  }

  private tagIdsOf(customerId: number): number[] {
    return (this.statements.tagIds.all(customerId) as { id: number }[]).map((tag) => tag.id);
  }
}

/**
 * A merged record must still be one the customer form can save: more than 10 emails or phones
 * (or 50 tags) would make every later edit fail, so the merge is refused, naming what is over.
 */
function refuseOverLimits(united: { emails: string[]; phones: string[]; tagIds: number[] }): void {
  const limits = {
    emails: CUSTOMER_LIMITS.contacts,
    phones: CUSTOMER_LIMITS.contacts,
    tagIds: CUSTOMER_LIMITS.tags,
  };
  const issues: FieldIssue[] = (Object.keys(limits) as (keyof typeof limits)[])
    .filter((field) => united[field].length > limits[field])
    .map((field) => ({
      path: field,
      code: 'too_long',
      params: { max: limits[field] },
      message: `Together the two records have ${united[field].length} ${field}; a customer can hold ${limits[field]}. Remove some first.`,
    }));
  if (issues.length > 0) throw invalidFields(issues);
}

/** Both records' custom values: the kept one's win, except for the fields the owner picked from the other. */
function uniteCustomValues(
  kept: Record<string, string | number>,
  merged: Record<string, string | number>,
  takeFromMerged: string[],
): Record<string, string | number> {
  const united = { ...merged, ...kept };
  for (const key of takeFromMerged) {
    const value = merged[key];
    if (value === undefined) delete united[key];
    else united[key] = value;
  }
  return united;
}

/** The kept record's emails or phones first, then the merged one's that are not already there. */
function unite(kept: ContactRow[], merged: ContactRow[], kind: ContactRow['kind']): string[] {
  const seen = new Set<string>();
  const values: string[] = [];
  for (const contact of [...kept, ...merged]) {
    if (contact.kind !== kind) continue;
    const identity = contact.normalized ?? contact.value.toLowerCase();
    if (seen.has(identity)) continue;
    seen.add(identity);
    values.push(contact.value);
  }
  return values;
}
