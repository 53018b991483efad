import type Database from 'better-sqlite3';
import {
  MIN_CLOSED_DEALS_FOR_MODEL,
  MIN_DEALS_PER_OUTCOME,
  type WinModelStatus,
  type WinReason,
} from '../../src-shared/contract';
import { DAY_MS } from '../analytics/history';
import { toIso } from '../core/clock';
import {
  scoreWin,
  trainWinModel,
  validationAuc,
  winRefusal,
  type ClosedDeal,
  type WinFeatures,
  type WinModel,
} from './winModel';

interface FeatureRow {
  id: number;
  valueCents: number;
  createdAt: number;
  closedAt: number | null;
  won: number;
  source: string | null;
  conversations: number;
  pastOrders: number;
  pastRevenueCents: number;
  reachedPosition: number | null;
  stagePosition: number;
}

/**
 * Features are counted up to the close for a closed deal and up to now for an open one, so
 * training sees each deal as it stood when its outcome was decided (no later conversation leaks in).
 * Orders count only before the deal was created: the order a won deal creates is its outcome.
 */
const FEATURES_SQL = `SELECT d.id, d.value_cents AS valueCents, d.created_at AS createdAt,
    d.closed_at AS closedAt, d.status = 'won' AS won, d.source,
    (SELECT count(*) FROM conversations v WHERE v.customer_id = d.customer_id AND v.deleted_at IS NULL
       AND v.occurred_at >= d.created_at AND v.occurred_at < coalesce(d.closed_at, @now)) AS conversations,
    (SELECT count(*) FROM orders o WHERE o.customer_id = d.customer_id AND o.deleted_at IS NULL
       AND o.status = 'paid' AND o.ordered_at < d.created_at) AS pastOrders,
    (SELECT total(o.amount_cents) FROM orders o WHERE o.customer_id = d.customer_id
       AND o.deleted_at IS NULL AND o.status = 'paid' AND o.ordered_at < d.created_at) AS pastRevenueCents,
    (SELECT max(reached.position) FROM deal_stage_history h
       JOIN deal_stages reached ON reached.id = h.to_stage_id WHERE h.deal_id = d.id) AS reachedPosition,
    s.position AS stagePosition
  FROM deals d JOIN customers c ON c.id = d.customer_id JOIN deal_stages s ON s.id = d.stage_id
  WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL`;

type Scores = Map<number, { probability: number; reasons: WinReason[] }>;

/**
 * Learns P(win) from the closed deals and scores open ones. The model is refitted only when the
 * closed deals change (a close, a reopen, an edit of a closed deal, a stage edit), so the board
 * and the list score with a cached fit.
 */
export class WinScorer {
  private cached: { key: string; model: WinModel | null; status: WinModelStatus } | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: () => number,
  ) {}

  status(): WinModelStatus {
    return this.current().status;
  }

  /** P(win) with reasons of the given open deals; empty while stage defaults are used. */
  score(ids: readonly number[]): Scores {
    const { model } = this.current();
    const scores: Scores = new Map();
    if (!model || ids.length === 0) return scores;
    const wanted = new Set(ids);
    const rows = this.features("d.status = 'open'").filter((row) => wanted.has(row.id));
    const places = this.stagePlaces();
    for (const row of rows) scores.set(row.id, scoreWin(model, this.toFeatures(row, places)));
    return scores;
  }

  private current(): { model: WinModel | null; status: WinModelStatus } {
    const key = JSON.stringify(
      this.sqlite
        .prepare(
          `SELECT (SELECT count(*) FROM deals WHERE status <> 'open' AND deleted_at IS NULL) AS closed,
             (SELECT max(updated_at) FROM deals WHERE status <> 'open') AS changed,
             (SELECT count(*) FROM deals WHERE deleted_at IS NOT NULL) AS trashed,
             (SELECT max(updated_at) FROM deal_stages) AS stages`,
        )
        .get(),
    );
    if (this.cached?.key !== key) this.cached = { key, ...this.fit() };
    return this.cached;
  }

  private fit(): { model: WinModel | null; status: WinModelStatus } {
    const places = this.stagePlaces();
    const closed: ClosedDeal[] = this.features("d.status <> 'open'").map((row) => ({
      ...this.toFeatures(row, places),
      won: row.won === 1,
      closedAt: row.closedAt ?? row.createdAt,
    }));
    const won = closed.filter((deal) => deal.won).length;
    const counts = { closed: closed.length, won, lost: closed.length - won };
    const refusal = winRefusal(closed);
    if (refusal) {
      return {
        model: null,
        status: {
          ok: false,
          reason: refusal,
          ...counts,
          needed: MIN_CLOSED_DEALS_FOR_MODEL,
          neededPerOutcome: MIN_DEALS_PER_OUTCOME,
        },
      };
    }
    return {
      model: trainWinModel(closed),
      status: { ok: true, ...counts, auc: validationAuc(closed), trainedAt: toIso(this.now()) },
    };
  }

  private features(condition: string): FeatureRow[] {
    return this.sqlite.prepare(`${FEATURES_SQL} AND ${condition}`).all({ now: this.now() }) as FeatureRow[];
  }

  /** Positions of the open stages, in board order: "how far along" is a place among them. */
  private stagePlaces(): number[] {
    return (
      this.sqlite
        .prepare('SELECT position FROM deal_stages WHERE removed_at IS NULL ORDER BY position')
        .all() as { position: number }[]
    ).map((row) => row.position);
  }

  private toFeatures(row: FeatureRow, places: readonly number[]): WinFeatures {
    const reached = Math.max(row.reachedPosition ?? row.stagePosition, row.stagePosition);
    const passed = places.filter((position) => position <= reached).length;
    const stageReached = places.length > 1 ? Math.max(0, passed - 1) / (places.length - 1) : 0;
    return {
      valueCents: row.valueCents,
      daysOpen: ((row.closedAt ?? this.now()) - row.createdAt) / DAY_MS,
      stageReached,
      conversations: row.conversations,
      pastOrders: row.pastOrders,
      pastRevenueCents: row.pastRevenueCents,
      source: row.source,
    };
  }
}
