import type Database from 'better-sqlite3';
import { localDate } from '../core/localDate';
import { planPipeline, type PipelineCustomer } from './pipeline';
import type { Random } from './random';

export interface PipelineWrite {
  random: Random;
  now: number;
  currency: string;
  lostReasons: readonly string[];
  /** The demo's uid source, so deals' uids follow the seed too. */
  uid: () => string;
}

const EVENT_OF = { open: 'deal_stage_changed', won: 'deal_won', lost: 'deal_lost' } as const;

/**
 * Plans and writes the demo pipeline for the customers already written (their paid order counts
 * refreshed), inside the demo's transaction: deals, their stage history and the customer timeline
 * events, shaped as DealService writes them, so the board, the forecast and the timeline read
 * them like the owner's own. Returns how many deals it wrote.
 */
export function writePipeline(sqlite: Database.Database, options: PipelineWrite): number {
  const stageIds = (
    sqlite.prepare('SELECT id FROM deal_stages WHERE removed_at IS NULL ORDER BY position, id').all() as {
      id: number;
    }[]
  ).map((row) => row.id);
  if (stageIds.length === 0) return 0;
  const customers = (
    sqlite
      .prepare(
        `SELECT id, created_at AS createdAt, name, company IS NOT NULL AS company, source,
           order_count AS paidOrders FROM customers ORDER BY id`,
      )
      .all() as (Omit<PipelineCustomer, 'chinese' | 'company'> & { name: string; company: number })[]
  ).map(({ name, company, ...customer }) => ({
    ...customer,
    company: company === 1,
    chinese: /\p{Script=Han}/u.test(name),
  }));
  const plan = planPipeline(options.random, customers, {
    now: options.now,
    stageCount: stageIds.length,
    lostReasons: options.lostReasons,
  });

  const insertDeal = sqlite.prepare(
    `INSERT INTO deals (uid, created_at, updated_at, customer_id, title, value_cents, currency, stage_id,
       probability, expected_close, source, next_step, next_step_date, notes, status, lost_reason, closed_on,
       closed_at, position, stage_entered_at, last_activity_at)
     VALUES (@uid, @createdAt, @lastAt, @customerId, @title, @valueCents, @currency, @stageId, @probability,
       @expectedClose, @source, @nextStep, @nextStepDate, NULL, @status, @lostReason, @closedOn, @closedAt,
       @position, @enteredAt, @lastAt)`,
  );
  const insertChange = sqlite.prepare(
    'INSERT INTO deal_stage_history (deal_id, at, from_stage_id, to_stage_id, status) VALUES (?, ?, ?, ?, ?)',
  );
  const insertEvent = sqlite.prepare(
    'INSERT INTO customer_events (customer_id, kind, at, data) VALUES (?, ?, ?, ?)',
  );
  const stageOf = (place: number | null) => (place === null ? null : stageIds[place]!);
  const columnEnds = new Map<number, number>();

  for (const deal of plan) {
    const stageId = stageIds[deal.stage]!;
    const position = (columnEnds.get(stageId) ?? 0) + 1;
    columnEnds.set(stageId, position);
    const dealId = Number(
      insertDeal.run({
        uid: options.uid(),
        createdAt: deal.createdAt,
        customerId: deal.customerId,
        title: deal.title,
        valueCents: deal.valueCents,
        probability: deal.probability,
        expectedClose: deal.expectedClose,
        source: deal.source,
        nextStep: deal.nextStep,
        nextStepDate: deal.nextStepDate,
        status: deal.status,
        lostReason: deal.lostReason,
        closedAt: deal.closedAt,
        currency: options.currency,
        stageId,
        closedOn: deal.closedAt === null ? null : localDate(deal.closedAt),
        position,
        enteredAt: deal.changes.findLast((change) => change.to !== null)!.at,
        lastAt: deal.changes.at(-1)!.at,
      }).lastInsertRowid,
    );
    const named = { dealId, title: deal.title, valueCents: deal.valueCents, currency: options.currency };
    deal.changes.forEach((change, index) => {
      const [from, to] = [stageOf(change.from), stageOf(change.to)];
      insertChange.run(dealId, change.at, from, to, change.status);
      const data =
        index === 0
          ? { ...named, stageId: to }
          : change.status === 'open'
            ? { ...named, fromStageId: from, toStageId: to }
            : { ...named, stageId: from, ...(deal.lostReason ? { lostReason: deal.lostReason } : {}) };
      const kind = index === 0 ? 'deal_created' : EVENT_OF[change.status];
      insertEvent.run(deal.customerId, kind, change.at, JSON.stringify(data));
    });
  }
  return plan.length;
}
