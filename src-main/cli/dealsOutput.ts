import type { Deal, DealForecast, DealStage, WinModelStatus } from '../../src-shared/contract';
import { stageName } from './dealValues';
import type { CliIo } from './io';
import { textTable } from './textTable';

/** How `solocrm deals …` shows deals and the forecast to a person (`--json` prints the data as is). */

const money = (cents: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);
const days = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)} d`);

/** A closed deal may sit in a stage removed since; it is named by id then. */
function stageOf(stages: readonly DealStage[], stageId: number): string {
  const stage = stages.find((candidate) => candidate.id === stageId);
  return stage ? stageName(stage) : `#${stageId}`;
}

function where(deal: Deal, stages: readonly DealStage[]): string {
  if (deal.status === 'open') return `in ${stageOf(stages, deal.stageId)} (${deal.probability} %)`;
  return `${deal.status} on ${deal.closedOn ?? '–'}${deal.lostReason ? ` (${deal.lostReason})` : ''}`;
}

/** One deal after a change: a headline and its key facts, or `payload` as JSON. */
export function printDeal(
  io: CliIo,
  json: boolean,
  deal: Deal,
  headline: string,
  stages: readonly DealStage[],
  payload: unknown = deal,
): void {
  if (json) {
    io.stdout(JSON.stringify(payload, null, 2));
    return;
  }
  const company = deal.customerCompany ? `, ${deal.customerCompany}` : '';
  io.stdout(
    `${headline}: "${deal.title}" for ${deal.customerName}${company} (#${deal.customerId}), ` +
      `${money(deal.valueCents, deal.currency)} ${where(deal, stages)}` +
      (deal.expectedClose ? `, expected to close ${deal.expectedClose}` : ''),
  );
}

export function printDeals(io: CliIo, result: { deals: Deal[]; total: number }, stages: DealStage[]): void {
  if (result.total === 0) {
    io.stdout('No deals. Add one with: solocrm deals add --customer ID --title TITLE --value AMOUNT');
    return;
  }
  io.stdout(
    textTable(
      ['ID', 'Title', 'Customer', 'Stage', 'Value', 'Probability', 'P(win)', 'Expected close', 'Status'],
      result.deals.map((deal) => [
        String(deal.id),
        deal.title,
        deal.customerName,
        stageOf(stages, deal.stageId),
        money(deal.valueCents, deal.currency),
        `${deal.probability} %`,
        percent(deal.winProbability),
        deal.expectedClose ?? '',
        deal.status,
      ]),
    ),
  );
  if (result.total > result.deals.length) io.stdout(`Showing ${result.deals.length} of ${result.total}.`);
}

function modelLine(model: WinModelStatus): string {
  const counts = `${model.closed} closed deals (${model.won} won, ${model.lost} lost)`;
  if (model.ok) {
    const auc = model.auc === null ? '' : `, validation ROC-AUC ${model.auc.toFixed(2)}`;
    return `Win probability: learned from ${counts}${auc}.`;
  }
  const why =
    model.reason === 'too_few_closed'
      ? `it needs at least ${model.needed} closed deals`
      : `it needs at least ${model.neededPerOutcome} won and ${model.neededPerOutcome} lost`;
  return `Win probability: stage defaults are used; ${counts}, ${why}.`;
}

export function printForecast(io: CliIo, forecast: DealForecast, stages: DealStage[]): void {
  const amount = (cents: number) => money(cents, forecast.currency);
  const bucket = (name: string, sums: { count: number; weightedCents: number }) =>
    `${name} ${sums.count} (${amount(sums.weightedCents)} weighted)`;
  io.stdout(`Open deals by expected close month, in ${forecast.currency}:`);
  io.stdout(
    textTable(
      ['Month', 'Deals', 'Total', 'Weighted'],
      forecast.ahead.map((month) => [
        month.month,
        String(month.count),
        amount(month.totalCents),
        amount(month.weightedCents),
      ]),
    ),
  );
  io.stdout(
    [
      bucket('Later:', forecast.later),
      bucket('no date:', forecast.undated),
      bucket('date passed:', forecast.overdue),
    ].join('; ') +
      (forecast.otherCurrencyDeals ? `; ${forecast.otherCurrencyDeals} in other currencies, not summed` : ''),
  );
  io.stdout('');
  io.stdout('Won by month:');
  io.stdout(
    textTable(
      ['Month', 'Deals', 'Won'],
      forecast.past.map((month) => [month.month, String(month.count), amount(month.wonCents)]),
    ),
  );
  io.stdout('');
  io.stdout(
    textTable(
      ['Stage', 'Reached and closed', 'Won', 'Win rate', 'Days in stage'],
      forecast.winRateByStage.map((rate) => {
        const time = forecast.daysPerStage.find((entry) => entry.stageId === rate.stageId);
        return [
          stageOf(stages, rate.stageId),
          String(rate.closed),
          String(rate.won),
          percent(rate.rate),
          days(time?.averageDays ?? null),
        ];
      }),
    ),
  );
  if (forecast.winRateBySource.length > 0) {
    io.stdout('');
    io.stdout(
      textTable(
        ['Source', 'Closed', 'Won', 'Win rate'],
        forecast.winRateBySource.map((rate) => [
          rate.source ?? '(none)',
          String(rate.closed),
          String(rate.won),
          percent(rate.rate),
        ]),
      ),
    );
  }
  io.stdout('');
  io.stdout(`Average cycle of won deals: ${days(forecast.averageCycleDays)}.`);
  io.stdout(
    `Stale (no activity for ${forecast.staleDays} days): ${forecast.stale.length} deal(s)` +
      (forecast.stale.length ? `: ${forecast.stale.map((deal) => `#${deal.id}`).join(', ')}` : '') +
      '.',
  );
  io.stdout(modelLine(forecast.model));
}
