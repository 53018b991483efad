import type { Deal, DealStage } from '../../../src-shared/contract';
import type { ColumnOrder } from './keyboardMove';

/**
 * The board's deals split into their stages' columns, each in the order the server (or the last
 * move) put them. A deal whose stage is not among the open stages (removed meanwhile) is left out
 * until the next load brings it back under its new stage.
 */
export function groupByStage(deals: readonly Deal[], stages: readonly DealStage[]): Map<number, Deal[]> {
  const columns = new Map<number, Deal[]>(stages.map((stage) => [stage.id, []]));
  for (const deal of deals) columns.get(deal.stageId)?.push(deal);
  return columns;
}

/** The columns as the keyboard shortcuts read them: stage order, deal ids top to bottom. */
export function columnOrders(stages: readonly DealStage[], columns: Map<number, Deal[]>): ColumnOrder[] {
  return stages.map((stage) => ({
    stageId: stage.id,
    dealIds: (columns.get(stage.id) ?? []).map((deal) => deal.id),
  }));
}

/** The deals with `id` placed above `beforeId` (or last of its new stage), as the server will order them. */
export function placeDeal(
  deals: readonly Deal[],
  id: number,
  stageId: number,
  beforeId: number | null,
): Deal[] {
  const moving = deals.find((deal) => deal.id === id);
  if (!moving) return [...deals];
  const rest = deals.filter((deal) => deal.id !== id);
  const moved = { ...moving, stageId };
  let at = beforeId === null ? -1 : rest.findIndex((deal) => deal.id === beforeId);
  if (at === -1) {
    const lastOfStage = rest.findLastIndex((deal) => deal.stageId === stageId);
    at = lastOfStage === -1 ? rest.length : lastOfStage + 1;
  }
  return [...rest.slice(0, at), moved, ...rest.slice(at)];
}
