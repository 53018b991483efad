import type Database from 'better-sqlite3';
import {
  FORECAST_MONTHS,
  type Deal,
  type DealForecast,
  type WinModelStatus,
} from '../../src-shared/contract';
import { DAY_MS } from '../analytics/history';
import { localDate, shiftLocalMonth } from '../core/localDate';
import { DEAL_FROM } from './read';

export interface ForecastInputs {
  now: number;
  currency: string;
  staleDays: number;
  stale: Deal[];
  model: WinModelStatus;
}

interface MonthSums {
  month: string | null;
  count: number;
  totalCents: number;
  weightedCents: number;
}

const WEIGHTED_SQL = 'total(d.value_cents * coalesce(d.probability, s.probability) / 100.0)';

/** Of n closed deals, the share won; null when none closed (no data is not 0 %). */
const rateOf = (closed: number, won: number) => ({ closed, won, rate: closed > 0 ? won / closed : null });

/**
 * The pipeline's forecast: what the open deals are worth by expected close month (value ×
 * probability, the deal's own or its stage's), beside what was won in the months before; win
 * rates, time per stage and the stale deals. Sums count the owner's currency only: deals in
 * another one are counted, never added.
 */
export function dealForecast(sqlite: Database.Database, inputs: ForecastInputs): DealForecast {
  const today = localDate(inputs.now);
  const params = { currency: inputs.currency, today };
  const open = `${DEAL_FROM} AND d.status = 'open' AND d.currency = @currency`;
  const byMonth = sqlite
    .prepare(
      `SELECT substr(d.expected_close, 1, 7) AS month, count(*) AS count,
         total(d.value_cents) AS totalCents, ${WEIGHTED_SQL} AS weightedCents
       ${open} AND d.expected_close >= @today GROUP BY month`,
    )
    .all(params) as MonthSums[];
  const sumsOf = (condition: string) => {
    const row = sqlite
      .prepare(`SELECT count(*) AS count, ${WEIGHTED_SQL} AS weightedCents ${open} AND ${condition}`)
      .get(params) as { count: number; weightedCents: number };
    return { count: row.count, weightedCents: Math.round(row.weightedCents) };
  };
  const aheadMonths = Array.from({ length: FORECAST_MONTHS }, (_, i) => shiftLocalMonth(inputs.now, i));
  const ahead = aheadMonths.map((month) => {
    const sums = byMonth.find((row) => row.month === month);
    return {
      month,
      count: sums?.count ?? 0,
      totalCents: Math.round(sums?.totalCents ?? 0),
      weightedCents: Math.round(sums?.weightedCents ?? 0),
    };
  });
  const lastAhead = aheadMonths[aheadMonths.length - 1]!;
  const later = byMonth.filter((row) => row.month !== null && row.month > lastAhead);

  const pastMonths = Array.from({ length: FORECAST_MONTHS }, (_, i) =>
    shiftLocalMonth(inputs.now, i - FORECAST_MONTHS + 1),
  );
  const won = sqlite
    .prepare(
      `SELECT substr(d.closed_on, 1, 7) AS month, count(*) AS count, total(d.value_cents) AS wonCents
       ${DEAL_FROM} AND d.status = 'won' AND d.currency = @currency AND d.closed_on >= @from
       GROUP BY month`,
    )
    .all({ currency: inputs.currency, from: `${pastMonths[0]}-01` }) as {
    month: string;
    count: number;
    wonCents: number;
  }[];
  const past = pastMonths.map((month) => {
    const row = won.find((entry) => entry.month === month);
    return { month, count: row?.count ?? 0, wonCents: Math.round(row?.wonCents ?? 0) };
  });

  return {
    currency: inputs.currency,
    otherCurrencyDeals: (
      sqlite
        .prepare(`SELECT count(*) AS n ${DEAL_FROM} AND d.status = 'open' AND d.currency <> @currency`)
        .get({ currency: inputs.currency }) as { n: number }
    ).n,
    ahead,
    later: {
      count: later.reduce((sum, row) => sum + row.count, 0),
      weightedCents: Math.round(later.reduce((sum, row) => sum + row.weightedCents, 0)),
    },
    undated: sumsOf('d.expected_close IS NULL'),
    overdue: sumsOf('d.expected_close < @today'),
    past,
    winRateByStage: winRateByStage(sqlite),
    winRateBySource: (
      sqlite
        .prepare(
          `SELECT d.source, count(*) AS closed, total(d.status = 'won') AS won
           ${DEAL_FROM} AND d.status <> 'open' GROUP BY d.source ORDER BY closed DESC, d.source`,
        )
        .all() as { source: string | null; closed: number; won: number }[]
    ).map((row) => ({ source: row.source, ...rateOf(row.closed, row.won) })),
    daysPerStage: daysPerStage(sqlite, inputs.now),
    averageCycleDays: averageCycleDays(sqlite),
    staleDays: inputs.staleDays,
    stale: inputs.stale,
    model: inputs.model,
  };
}

function averageCycleDays(sqlite: Database.Database): number | null {
  const row = sqlite
    .prepare(`SELECT avg(d.closed_at - d.created_at) AS ms ${DEAL_FROM} AND d.status = 'won'`)
    .get() as { ms: number | null };
  return row.ms === null ? null : row.ms / DAY_MS;
}

/**
 * Of the closed deals that got at least as far as each stage (the furthest stage a deal was in,
 * by board order), the share won: how much reaching "Proposal" is worth.
 */
function winRateByStage(sqlite: Database.Database): DealForecast['winRateByStage'] {
  const stages = sqlite
    .prepare('SELECT id, position FROM deal_stages WHERE removed_at IS NULL ORDER BY position')
    .all() as { id: number; position: number }[];
  const closed = sqlite
    .prepare(
      `SELECT d.status = 'won' AS won, max(s.position, coalesce((SELECT max(reached.position)
         FROM deal_stage_history h JOIN deal_stages reached ON reached.id = h.to_stage_id
         WHERE h.deal_id = d.id), s.position)) AS reached
       ${DEAL_FROM} AND d.status <> 'open'`,
    )
    .all() as { won: number; reached: number }[];
  return stages.map((stage) => {
    const reached = closed.filter((deal) => deal.reached >= stage.position);
    return { stageId: stage.id, ...rateOf(reached.length, reached.filter((deal) => deal.won === 1).length) };
  });
}

/**
 * Average days per stay in each open stage: a stay runs from a change into the stage to the
 * next change of the deal (a move or the close). Stays still running are left out: a stage full
 * of fresh deals would otherwise look fast.
 */
function daysPerStage(sqlite: Database.Database, now: number): DealForecast['daysPerStage'] {
  const stages = sqlite
    .prepare('SELECT id FROM deal_stages WHERE removed_at IS NULL ORDER BY position')
    .all() as { id: number }[];
  const history = sqlite
    .prepare(
      `SELECT h.deal_id AS dealId, h.at, h.to_stage_id AS toStageId FROM deal_stage_history h
       JOIN deals d ON d.id = h.deal_id WHERE d.deleted_at IS NULL AND h.at <= @now
       ORDER BY h.deal_id, h.at, h.id`,
    )
    .all({ now }) as { dealId: number; at: number; toStageId: number | null }[];
  const totals = new Map<number, { stays: number; ms: number }>();
  for (let i = 0; i + 1 < history.length; i++) {
    const change = history[i]!;
    const next = history[i + 1]!;
    if (change.toStageId === null || next.dealId !== change.dealId) continue;
    const total = totals.get(change.toStageId) ?? { stays: 0, ms: 0 };
    total.stays += 1;
    total.ms += next.at - change.at;
    totals.set(change.toStageId, total);
  }
  return stages.map((stage) => {
    const total = totals.get(stage.id);
    return {
      stageId: stage.id,
      stays: total?.stays ?? 0,
      averageDays: total && total.stays > 0 ? total.ms / total.stays / DAY_MS : null,
    };
  });
}
