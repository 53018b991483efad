import type Database from 'better-sqlite3';
import type { Clock } from '../core/clock';
import { AppError, notFound } from '../core/errors';

/** Puts back what one batch changed; runs inside the undo transaction. Returns how many rows it restored. */
export type Undoer = (undo: unknown, batchId: number) => number;

/**
 * Multi-row changes that can be undone as a whole (bulk edits, merges, imports). Each kind of
 * change registers how to undo itself; the payload it stores is whatever that needs.
 */
export class BatchService {
  private readonly undoers = new Map<string, Undoer>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly clock: Clock,
  ) {}

  register(kind: string, undoer: Undoer): void {
    this.undoers.set(kind, undoer);
  }

  /** Opens a batch inside the caller's transaction; fill in the undo payload with `setUndo` when known. */
  start(kind: string, undo: unknown = null): number {
    const row = this.sqlite
      .prepare('INSERT INTO change_batches (kind, created_at, undo) VALUES (?, ?, ?) RETURNING id')
      .get(kind, this.clock.now(), JSON.stringify(undo)) as { id: number };
    return row.id;
  }

  setUndo(batchId: number, undo: unknown): void {
    this.sqlite.prepare('UPDATE change_batches SET undo = ? WHERE id = ?').run(JSON.stringify(undo), batchId);
  }

  /** Undoes a batch once; a second undo is a CONFLICT, not a silent no-op. */
  undo(batchId: number): { batchId: number; restored: number } {
    return this.sqlite.transaction(() => {
      const row = this.sqlite
        .prepare('SELECT kind, undone_at, undo FROM change_batches WHERE id = ?')
        .get(batchId) as { kind: string; undone_at: number | null; undo: string } | undefined;
      if (!row) throw notFound('Change', batchId);
      if (row.undone_at !== null) throw new AppError('CONFLICT', `Change ${batchId} was already undone.`);
      const undoer = this.undoers.get(row.kind);
      if (!undoer) throw new AppError('CONFLICT', `Changes of kind "${row.kind}" cannot be undone.`);
      const restored = undoer(JSON.parse(row.undo), batchId);
      this.sqlite
        .prepare('UPDATE change_batches SET undone_at = ? WHERE id = ?')
        .run(this.clock.now(), batchId);
      return { batchId, restored };
    })();
  }
}
