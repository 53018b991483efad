import { newUid } from '../core/uid';
import type { Db } from '../db/open';
import {
  requireEditable,
  requireLiveCustomer,
  setTrashed,
  writeWithStats,
  type ActivityDeps,
  type ActivityTable,
} from './context';

/** The columns every new activity row starts with. */
export interface NewActivityRow {
  uid: string;
  createdAt: number;
  updatedAt: number;
  customerId: number;
}

export interface ActivityKind<T> {
  table: ActivityTable;
  /** The noun errors use: "Order 12 is in the trash". */
  noun: string;
  /** Orders and conversations feed the customer's derived columns (revenue, last contact); feedback does not. */
  feedsStats: boolean;
  read: (db: Db, id: number) => T;
  /** Runs in the write's transaction once a row moved into or out of the trash. */
  afterTrashMove?: (id: number) => void;
}

/**
 * What orders, conversations and feedback share: rows written only for a customer outside the trash,
 * soft-deleted and restored, with the customer's derived columns refreshed in the same transaction.
 */
export abstract class ActivityService<T> {
  constructor(
    protected readonly deps: ActivityDeps,
    private readonly kind: ActivityKind<T>,
  ) {}

  /** Moves the row to the trash; deleting again keeps the first deletion time. */
  delete(id: number): T {
    return this.moveTrash(id, true);
  }

  restore(id: number): T {
    return this.moveTrash(id, false);
  }

  /** Inserts a row for a live customer; `insert` adds its own columns to `base` and returns the new id. */
  protected insertFor(customerId: number, insert: (base: NewActivityRow) => number): T {
    const now = this.deps.clock.now();
    const id = writeWithStats(this.deps, () => {
      requireLiveCustomer(this.deps.db, customerId);
      const id = insert({ uid: newUid(), createdAt: now, updatedAt: now, customerId });
      return { result: id, customerIds: this.statsOf(customerId) };
    });
    return this.kind.read(this.deps.db, id);
  }

  /** Changes a row outside the trash whose customer is outside it too; `current` reads the row. */
  protected edit<Row extends { customerId: number; deletedAt: number | null }>(
    id: number,
    current: () => Row | undefined,
    change: (row: Row) => void,
  ): T {
    writeWithStats(this.deps, () => {
      const row = requireEditable(this.kind.noun, id, current());
      requireLiveCustomer(this.deps.db, row.customerId);
      change(row);
      return { result: undefined, customerIds: this.statsOf(row.customerId) };
    });
    return this.kind.read(this.deps.db, id);
  }

  private moveTrash(id: number, trashed: boolean): T {
    writeWithStats(this.deps, () => {
      const customerId = setTrashed(this.deps, this.kind.table, this.kind.noun, id, trashed);
      this.kind.afterTrashMove?.(id);
      return { result: undefined, customerIds: this.statsOf(customerId) };
    });
    return this.kind.read(this.deps.db, id);
  }

  private statsOf(customerId: number): number[] {
    return this.kind.feedsStats ? [customerId] : [];
  }
}

/** A patch's fields that were sent: an absent field leaves its column as it is. */
export const sentOnly = <P extends object>(patch: P) =>
  Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<P>;
