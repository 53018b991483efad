import type Database from 'better-sqlite3';
import type { DealStage, ParsedInput } from '../../src-shared/contract';
import type { Clock } from '../core/clock';
import { AppError, invalidFields, notFound } from '../core/errors';
import type { EventHub } from '../core/events';

type StageFields = ParsedInput<'dealStages.create'>;
type StagePatch = ParsedInput<'dealStages.update'>['patch'];

interface StageRow {
  id: number;
  key: string | null;
  label: string | null;
  probability: number;
  position: number;
  openDeals: number;
}

export interface StageDeps {
  sqlite: Database.Database;
  clock: Clock;
  events: EventHub;
}

/** At most this many open stages: a board wider than that is a list, not a pipeline. */
const MAX_STAGES = 50;

/**
 * The owner's open stages (Settings → Pipeline). Removing one keeps its row, marked removed, so
 * the stage history of deals that passed through it still names it; its open deals move first.
 */
export class DealStageService {
  constructor(private readonly deps: StageDeps) {}

  /** The open stages in board order, each with its count of open deals. */
  list(): DealStage[] {
    return this.deps.sqlite
      .prepare(
        `SELECT s.id, s.key, s.label, s.probability, s.position,
           (SELECT count(*) FROM deals d JOIN customers c ON c.id = d.customer_id
            WHERE d.stage_id = s.id AND d.status = 'open' AND d.deleted_at IS NULL
              AND c.deleted_at IS NULL) AS openDeals
         FROM deal_stages s WHERE s.removed_at IS NULL ORDER BY s.position, s.id`,
      )
      .all() as StageRow[];
  }

  /** A stage that is still on the board, else VALIDATION naming `path`. */
  requireOpenStage(id: number, path: string): StageRow {
    const stage = this.list().find((row) => row.id === id);
    if (!stage) {
      throw invalidFields([{ path, code: 'invalid', message: `Stage ${id} is not a stage of the pipeline` }]);
    }
    return stage;
  }

  /** The stage new deals start in: the first of the board. */
  firstStage(): StageRow {
    const first = this.list()[0];
    // Unreachable through the service (the last stage cannot be removed); a guard for hand-edited files.
    if (!first) throw new AppError('CONFLICT', 'The pipeline has no stages; add one in Settings.');
    return first;
  }

  create(fields: StageFields): DealStage {
    const now = this.deps.clock.now();
    const id = this.deps.sqlite.transaction(() => {
      const stages = this.list();
      if (stages.length >= MAX_STAGES) {
        throw invalidFields([
          {
            path: 'label',
            code: 'too_long',
            message: `A pipeline has at most ${MAX_STAGES} stages`,
            params: { max: MAX_STAGES },
          },
        ]);
      }
      const position = stages.reduce((last, stage) => Math.max(last, stage.position), -1) + 1;
      return Number(
        this.deps.sqlite
          .prepare(
            `INSERT INTO deal_stages (key, label, probability, position, created_at, updated_at)
             VALUES (NULL, ?, ?, ?, ?, ?)`,
          )
          .run(fields.label, fields.probability, position, now, now).lastInsertRowid,
      );
    })();
    this.changed();
    return this.read(id);
  }

  /**
   * Renames or re-weights a stage. Open deals without their own probability follow the new
   * default at once (their probability is the stage's); deals with their own keep it.
   */
  update(id: number, patch: StagePatch): DealStage {
    this.requireOpenStage(id, 'id');
    this.deps.sqlite
      .prepare(
        `UPDATE deal_stages SET label = coalesce(@label, label),
           probability = coalesce(@probability, probability), updated_at = @now WHERE id = @id`,
      )
      .run({
        id,
        label: patch.label ?? null,
        probability: patch.probability ?? null,
        now: this.deps.clock.now(),
      });
    this.changed();
    return this.read(id);
  }

  reorder(ids: readonly number[]): DealStage[] {
    const current = this.list().map((stage) => stage.id);
    const same =
      ids.length === current.length &&
      new Set(ids).size === ids.length &&
      ids.every((id) => current.includes(id));
    if (!same) {
      throw invalidFields([
        { path: 'ids', code: 'invalid', message: 'Send every stage of the pipeline exactly once' },
      ]);
    }
    const setPosition = this.deps.sqlite.prepare(
      'UPDATE deal_stages SET position = ?, updated_at = ? WHERE id = ?',
    );
    const now = this.deps.clock.now();
    this.deps.sqlite.transaction(() => ids.forEach((id, position) => setPosition.run(position, now, id)))();
    this.changed();
    return this.list();
  }

  /**
   * Removes a stage. While it holds open deals the owner must say where they go (`moveTo`):
   * refused with CONFLICT and the count otherwise. Moved deals keep their place in history
   * (a stage change is recorded for each) and land at the bottom of the target column.
   */
  remove(
    id: number,
    moveTo: number | undefined,
    moveDeals: (fromStageId: number, toStageId: number) => number,
  ): { moved: number; stages: DealStage[] } {
    const moved = this.deps.sqlite.transaction(() => {
      const stage = this.requireOpenStage(id, 'id');
      if (this.list().length === 1) {
        throw invalidFields([
          { path: 'id', code: 'invalid', message: 'The pipeline needs at least one stage' },
        ]);
      }
      if (moveTo === id) {
        throw invalidFields([
          { path: 'moveTo', code: 'invalid', message: 'Open deals cannot move into the stage being removed' },
        ]);
      }
      if (moveTo !== undefined) this.requireOpenStage(moveTo, 'moveTo');
      if (stage.openDeals > 0 && moveTo === undefined) {
        throw new AppError(
          'CONFLICT',
          `The stage still holds ${stage.openDeals} open deal(s): choose the stage they move to.`,
          [
            {
              path: 'moveTo',
              code: 'required',
              message: 'Choose where the open deals go',
              params: { count: stage.openDeals },
            },
          ],
        );
      }
      const count = moveTo === undefined ? 0 : moveDeals(id, moveTo);
      this.deps.sqlite
        .prepare('UPDATE deal_stages SET removed_at = ?, updated_at = ? WHERE id = ?')
        .run(this.deps.clock.now(), this.deps.clock.now(), id);
      return count;
    })();
    this.changed();
    return { moved, stages: this.list() };
  }

  /** Every stage ever (removed ones too), for naming old history: id → row. */
  allById(): Map<number, Pick<StageRow, 'id' | 'key' | 'label' | 'position'> & { removed: boolean }> {
    const rows = this.deps.sqlite
      .prepare('SELECT id, key, label, position, removed_at IS NOT NULL AS removed FROM deal_stages')
      .all() as (Pick<StageRow, 'id' | 'key' | 'label' | 'position'> & { removed: number })[];
    return new Map(rows.map((row) => [row.id, { ...row, removed: row.removed === 1 }]));
  }

  private read(id: number): DealStage {
    const stage = this.list().find((row) => row.id === id);
    if (!stage) throw notFound('Stage', id);
    return stage;
  }

  private changed(): void {
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'deals' } });
  }
}
