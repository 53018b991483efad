import type Database from 'better-sqlite3';

/** Below this gap between neighbours a column is renumbered 1, 2, 3… before placing. */
const MIN_GAP = 1e-6;

/**
 * Card order within a board column. Positions are fractional: a drop between two cards writes
 * only the moved card (the midpoint of its neighbours). After many drops into one gap the
 * midpoints run out of precision, so the column is renumbered once and the drop retried.
 */
export class DealPositions {
  constructor(private readonly sqlite: Database.Database) {}

  /** Below the last open deal of the stage. */
  bottom(stageId: number): number {
    const row = this.sqlite
      .prepare("SELECT max(position) AS last FROM deals WHERE stage_id = ? AND status = 'open'")
      .get(stageId) as { last: number | null };
    return (row.last ?? 0) + 1;
  }

  /** Where `dealId` goes in `stageId`: just above `beforeId`, or at the bottom without one. */
  place(stageId: number, dealId: number, beforeId: number | null): number {
    if (beforeId === dealId) return this.current(dealId);
    if (beforeId === null) return this.bottomExcept(stageId, dealId);
    const neighbours = this.neighbours(stageId, dealId, beforeId);
    if (!neighbours) return this.bottomExcept(stageId, dealId);
    if (neighbours.before - neighbours.above < MIN_GAP) {
      this.renumber(stageId);
      return this.place(stageId, dealId, beforeId);
    }
    return (neighbours.above + neighbours.before) / 2;
  }

  private current(dealId: number): number {
    return (
      this.sqlite.prepare('SELECT position FROM deals WHERE id = ?').get(dealId) as { position: number }
    ).position;
  }

  private bottomExcept(stageId: number, dealId: number): number {
    const row = this.sqlite
      .prepare("SELECT max(position) AS last FROM deals WHERE stage_id = ? AND status = 'open' AND id <> ?")
      .get(stageId, dealId) as { last: number | null };
    return (row.last ?? 0) + 1;
  }

  /**
   * The position of `beforeId` and of the card above it (the moved card itself left out), or
   * null when `beforeId` is not an open deal of the stage (then the card goes to the bottom).
   */
  private neighbours(
    stageId: number,
    dealId: number,
    beforeId: number,
  ): { above: number; before: number } | null {
    const before = this.sqlite
      .prepare(
        "SELECT position FROM deals WHERE id = ? AND stage_id = ? AND status = 'open' AND deleted_at IS NULL",
      )
      .get(beforeId, stageId) as { position: number } | undefined;
    if (!before) return null;
    const above = this.sqlite
      .prepare(
        `SELECT max(position) AS position FROM deals
         WHERE stage_id = ? AND status = 'open' AND id <> ? AND position < ?`,
      )
      .get(stageId, dealId, before.position) as { position: number | null };
    return { above: above.position ?? before.position - 1, before: before.position };
  }

  private renumber(stageId: number): void {
    const ids = this.sqlite
      .prepare("SELECT id FROM deals WHERE stage_id = ? AND status = 'open' ORDER BY position, id")
      .all(stageId) as { id: number }[];
    const setPosition = this.sqlite.prepare('UPDATE deals SET position = ? WHERE id = ?');
    ids.forEach((row, index) => setPosition.run(index + 1, row.id));
  }
}
