import type { Deal, DealDetail, ParsedInput, StageChange } from '../../src-shared/contract';
import type { OrderService } from '../activity/orders';
import { requireLiveCustomer, type ActivityDeps } from '../activity/context';
import { toIso } from '../core/clock';
import { AppError, invalidFields, notFound } from '../core/errors';
import { localDate, startOfLocalDay } from '../core/localDate';
import { newUid } from '../core/uid';
import { checkDealDates, closeIssues } from './dealRules';
import { recordDealEvent, recordStageChange } from './dealLog';
import { DealPositions } from './positions';
import { DealReader, toDeal, type DealRecord } from './read';
import type { DealStageService } from './stages';
import type { WinScorer } from './winScores';

type DealFields = ParsedInput<'deals.create'>;
type DealPatch = ParsedInput<'deals.update'>['patch'];
type CloseInput = ParsedInput<'deals.close'>;
type ListInput = ParsedInput<'deals.list'>;
type BulkInput = ParsedInput<'deals.bulk'>;

export interface DealDeps extends ActivityDeps {
  stages: DealStageService;
  scorer: WinScorer;
  orders: OrderService;
}

/** A won order is dated at noon of the close day when that day is not today (clear of DST edges). */
const NOON_MS = 12 * 60 * 60 * 1000;

/**
 * Deals: records, moves between stages, closing as won or lost, and the stage history that
 * forecasts are counted from. Every write is one transaction with its history row and timeline
 * event, so nothing is ever half-moved.
 */
export class DealService {
  private readonly reader: DealReader;
  private readonly positions: DealPositions;

  constructor(private readonly deps: DealDeps) {
    this.reader = new DealReader(deps.sqlite, () => deps.clock.now());
    this.positions = new DealPositions(deps.sqlite);
  }

  list(input: ListInput): { deals: Deal[]; total: number } {
    const { rows, total } = this.reader.list(input);
    const deals = this.present(rows);
    if (input.sort === 'winProbability') {
      const sign = input.direction === 'desc' ? -1 : 1;
      // Without a model every P(win) is null: the board order stands.
      deals.sort((a, b) => sign * ((a.winProbability ?? -1) - (b.winProbability ?? -1)));
    }
    return { deals, total };
  }

  get(id: number): DealDetail {
    const deal = this.read(id);
    const history = this.deps.sqlite
      .prepare(
        `SELECT at, from_stage_id AS fromStageId, to_stage_id AS toStageId, status
         FROM deal_stage_history WHERE deal_id = ? ORDER BY at, id`,
      )
      .all(id) as (Omit<StageChange, 'at'> & { at: number })[];
    return { deal, history: history.map((change) => ({ ...change, at: toIso(change.at) })) };
  }

  create(fields: DealFields): Deal {
    const now = this.deps.clock.now();
    const id = this.write(() => {
      this.requireCustomer(fields.customerId, 'customerId');
      const stage =
        fields.stageId === undefined
          ? this.deps.stages.firstStage()
          : this.deps.stages.requireOpenStage(fields.stageId, 'stageId');
      checkDealDates(localDate(now), fields, '');
      const id = Number(
        this.deps.sqlite
          .prepare(
            `INSERT INTO deals (uid, created_at, updated_at, customer_id, title, value_cents, currency,
               stage_id, probability, expected_close, source, next_step, next_step_date, notes, status,
               position, stage_entered_at, last_activity_at)
             VALUES (@uid, @now, @now, @customerId, @title, @valueCents, @currency, @stageId, @probability,
               @expectedClose, @source, @nextStep, @nextStepDate, @notes, 'open', @position, @now, @now)`,
          )
          .run({
            uid: newUid(),
            now,
            customerId: fields.customerId,
            title: fields.title,
            valueCents: fields.valueCents,
            currency: fields.currency ?? this.deps.settings.get().currency,
            stageId: stage.id,
            probability: fields.probability ?? null,
            expectedClose: fields.expectedClose,
            source: fields.source,
            nextStep: fields.nextStep,
            nextStepDate: fields.nextStepDate,
            notes: fields.notes,
            position: this.positions.bottom(stage.id),
          }).lastInsertRowid,
      );
      recordStageChange(this.deps.sqlite, id, now, null, stage.id, 'open');
      recordDealEvent(this.deps.sqlite, id, 'deal_created', now, { stageId: stage.id });
      return id;
    });
    return this.read(id);
  }

  update(id: number, patch: DealPatch): Deal {
    const now = this.deps.clock.now();
    this.write(() => {
      const row = this.requireRow(id);
      if (patch.customerId !== undefined && patch.customerId !== row.customerId) {
        this.requireCustomer(patch.customerId, 'patch.customerId');
      }
      checkDealDates(localDate(row.createdAt), patch, 'patch.');
      const columns: Record<string, string> = {
        title: 'title',
        customerId: 'customer_id',
        valueCents: 'value_cents',
        currency: 'currency',
        probability: 'probability',
        expectedClose: 'expected_close',
        source: 'source',
        nextStep: 'next_step',
        nextStepDate: 'next_step_date',
        notes: 'notes',
      };
      const sent = Object.entries(patch).filter(([, value]) => value !== undefined);
      const assignments = sent.map(([key]) => `${columns[key]} = @${key}`);
      this.deps.sqlite
        .prepare(
          `UPDATE deals SET ${[...assignments, 'updated_at = @now', 'last_activity_at = @now'].join(', ')}
           WHERE id = @id`,
        )
        .run({ ...Object.fromEntries(sent), now, id });
    });
    return this.read(id);
  }

  /** Moves an open deal to a stage (or within its column, above `beforeId`). */
  move(id: number, stageId: number, beforeId: number | null | undefined): Deal {
    const now = this.deps.clock.now();
    this.write(() => {
      this.deps.stages.requireOpenStage(stageId, 'stageId');
      this.moveRow(this.requireOpen(id), stageId, beforeId ?? null, now);
    });
    return this.read(id);
  }

  /**
   * One action on many deals in one transaction: the first deal that refuses (closed, missing)
   * rolls all of them back, so a bulk move from the list is never half done. Moved deals go to
   * the bottom of the target column in their current board order.
   */
  bulk(input: BulkInput): number {
    const now = this.deps.clock.now();
    const { action } = input;
    return this.write(() => {
      if (action.type === 'move') {
        this.deps.stages.requireOpenStage(action.stageId, 'action.stageId');
        const rows = input.ids
          .map((id) => this.requireOpen(id))
          .sort((a, b) => a.stagePosition - b.stagePosition || a.position - b.position);
        for (const row of rows) this.moveRow(row, action.stageId, null, now);
        return rows.length;
      }
      const setTrash = this.deps.sqlite.prepare(
        'UPDATE deals SET deleted_at = ?, updated_at = ? WHERE id = ?',
      );
      for (const id of input.ids) {
        if (action.type === 'delete') this.requireRow(id);
        else if (!this.reader.anyState(id)) throw notFound('Deal', id);
        setTrash.run(action.type === 'delete' ? now : null, now, id);
      }
      return input.ids.length;
    });
  }

  /** Writes a move (call inside a transaction): position, stage times, history and timeline event. */
  private moveRow(row: DealRecord, stageId: number, beforeId: number | null, now: number): void {
    const position = this.positions.place(stageId, row.id, beforeId);
    const stageChanged = row.stageId !== stageId;
    this.deps.sqlite
      .prepare(
        `UPDATE deals SET stage_id = @stageId, position = @position, updated_at = @now,
           last_activity_at = @now, stage_entered_at = CASE WHEN @changed THEN @now ELSE stage_entered_at END
         WHERE id = @id`,
      )
      .run({ id: row.id, stageId, position, now, changed: stageChanged ? 1 : 0 });
    if (stageChanged) {
      recordStageChange(this.deps.sqlite, row.id, now, row.stageId, stageId, 'open');
      recordDealEvent(this.deps.sqlite, row.id, 'deal_stage_changed', now, {
        fromStageId: row.stageId,
        toStageId: stageId,
      });
    }
  }

  /**
   * Closes an open deal as won or lost. A lost deal names its reason from the owner's list; a won
   * one may record its value as a paid order in the same transaction, so analytics sees it.
   */
  close(input: CloseInput): { deal: Deal; orderId: number | null } {
    const now = this.deps.clock.now();
    const orderId = this.write(() => {
      const row = this.requireOpen(input.id);
      const closedOn = input.closedOn ?? localDate(now);
      const issues = closeIssues(input, {
        createdOn: localDate(row.createdAt),
        today: localDate(now),
        lostReasons: this.deps.settings.get().dealLostReasons.map((reason) => reason.key),
        closedOn,
      });
      if (issues.length > 0) throw invalidFields(issues);
      const orderId =
        input.outcome === 'won' && input.createOrder ? this.createOrder(row, closedOn, now) : null;
      this.deps.sqlite
        .prepare(
          `UPDATE deals SET status = @status, lost_reason = @lostReason, closed_on = @closedOn,
             closed_at = @closedAt, order_id = coalesce(@orderId, order_id), updated_at = @now,
             last_activity_at = @now WHERE id = @id`,
        )
        .run({
          id: row.id,
          status: input.outcome,
          lostReason: input.outcome === 'lost' ? input.lostReason : null,
          closedOn,
          closedAt: closedOn === localDate(now) ? now : startOfLocalDay(closedOn) + NOON_MS,
          orderId,
          now,
        });
      recordStageChange(this.deps.sqlite, row.id, now, row.stageId, null, input.outcome);
      recordDealEvent(this.deps.sqlite, row.id, input.outcome === 'won' ? 'deal_won' : 'deal_lost', now, {
        stageId: row.stageId,
        ...(input.outcome === 'lost' ? { lostReason: input.lostReason } : {}),
        ...(orderId !== null ? { orderId } : {}),
      });
      return orderId;
    });
    return { deal: this.read(input.id), orderId };
  }

  /** Back into the stage it was closed from, at the bottom of the column. The order stays. */
  reopen(id: number): Deal {
    const now = this.deps.clock.now();
    this.write(() => {
      const row = this.requireRow(id);
      if (row.status === 'open') {
        throw invalidFields([{ path: 'id', code: 'invalid', message: 'The deal is already open' }]);
      }
      const live = this.deps.stages.list().some((stage) => stage.id === row.stageId);
      const stageId = live ? row.stageId : this.deps.stages.firstStage().id;
      this.deps.sqlite
        .prepare(
          `UPDATE deals SET status = 'open', stage_id = @stageId, lost_reason = NULL, closed_on = NULL,
             closed_at = NULL, position = @position, stage_entered_at = @now, updated_at = @now,
             last_activity_at = @now WHERE id = @id`,
        )
        .run({ id, stageId, position: this.positions.bottom(stageId), now });
      recordStageChange(this.deps.sqlite, id, now, null, stageId, 'open');
      recordDealEvent(this.deps.sqlite, id, 'deal_reopened', now, { stageId });
    });
    return this.read(id);
  }

  delete(id: number): Deal {
    const deal = this.read(id);
    this.write(() => {
      this.deps.sqlite
        .prepare('UPDATE deals SET deleted_at = ?, updated_at = ? WHERE id = ?')
        .run(this.deps.clock.now(), this.deps.clock.now(), id);
    });
    return deal;
  }

  restore(id: number): Deal {
    const state = this.reader.anyState(id);
    if (!state) throw notFound('Deal', id);
    this.write(() => {
      this.deps.sqlite
        .prepare('UPDATE deals SET deleted_at = NULL, updated_at = ? WHERE id = ?')
        .run(this.deps.clock.now(), id);
    });
    return this.read(id);
  }

  /** Moves every open deal of one stage to another (a stage being removed), with history. */
  moveAll(fromStageId: number, toStageId: number): number {
    const now = this.deps.clock.now();
    const ids = (
      this.deps.sqlite
        .prepare(
          "SELECT id FROM deals WHERE stage_id = ? AND status = 'open' AND deleted_at IS NULL ORDER BY position",
        )
        .all(fromStageId) as { id: number }[]
    ).map((row) => row.id);
    const setStage = this.deps.sqlite.prepare(
      'UPDATE deals SET stage_id = ?, position = ?, stage_entered_at = ?, updated_at = ? WHERE id = ?',
    );
    for (const id of ids) {
      setStage.run(toStageId, this.positions.bottom(toStageId), now, now, id);
      recordStageChange(this.deps.sqlite, id, now, fromStageId, toStageId, 'open');
      recordDealEvent(this.deps.sqlite, id, 'deal_stage_changed', now, { fromStageId, toStageId });
    }
    return ids.length;
  }

  private present(rows: DealRecord[]): Deal[] {
    const now = this.deps.clock.now();
    const scores = this.deps.scorer.score(rows.filter((row) => row.status === 'open').map((row) => row.id));
    return rows.map((row) => toDeal(row, now, scores.get(row.id)));
  }

  private read(id: number): Deal {
    return this.present([this.requireRow(id)])[0]!;
  }

  private requireRow(id: number): DealRecord {
    const row = this.reader.one(id);
    if (!row) {
      const state = this.reader.anyState(id);
      if (state) throw new AppError('NOT_FOUND', `Deal ${id} is in the trash; restore it first.`);
      throw notFound('Deal', id);
    }
    return row;
  }

  private requireOpen(id: number): DealRecord {
    const row = this.requireRow(id);
    if (row.status !== 'open') {
      throw invalidFields([
        {
          path: 'id',
          code: 'deal_closed',
          message: `Deal ${id} is ${row.status}; reopen it first`,
          params: { status: row.status },
        },
      ]);
    }
    return row;
  }

  /**
   * The customer is a field of the deal's form: a missing one, or one in the trash, is refused on
   * that field (VALIDATION naming it), so the form and the CLI can point at what to change.
   */
  private requireCustomer(customerId: number, path: string): void {
    try {
      requireLiveCustomer(this.deps.db, customerId);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
      throw invalidFields([{ path, code: 'invalid', message: error.message }]);
    }
  }

  private createOrder(row: DealRecord, closedOn: string, now: number): number {
    const orderedAt = closedOn === localDate(now) ? now : startOfLocalDay(closedOn) + NOON_MS;
    return this.deps.orders.create({
      customerId: row.customerId,
      orderedAt: toIso(orderedAt),
      amountCents: row.valueCents,
      currency: row.currency,
      status: 'paid',
      description: row.title,
      channel: null,
      externalRef: null,
      lines: [],
    }).id;
  }

  /** One transaction, then tell the UI (the customer page shows deals and their events). */
  private write<T>(body: () => T): T {
    const result = this.deps.sqlite.transaction(body)();
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'deals' } });
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
    return result;
  }
}
