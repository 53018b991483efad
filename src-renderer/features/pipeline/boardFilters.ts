import type { DealFilters } from '../../../src-shared/contract';
import { parseAmount } from '../customers/money';

/** The board's filter bar as typed: amounts in major units ("1,000"), the month as `YYYY-MM`. */
export interface BoardFilterDraft {
  source: string;
  valueMin: string;
  valueMax: string;
  closeMonth: string;
  /** Only deals with no activity for the owner's stale days. */
  staleOnly: boolean;
}

export const EMPTY_BOARD_FILTERS: BoardFilterDraft = {
  source: '',
  valueMin: '',
  valueMax: '',
  closeMonth: '',
  staleOnly: false,
};

/** Which typed fields could not be read, so the bar can mark them instead of silently ignoring them. */
export type BoardFilterProblem = 'valueMin' | 'valueMax';

/**
 * The filter bar -> `deals.list` filters. Blank fields filter nothing; an amount that is not one is
 * left out and reported, so the board never shows a filter it does not apply.
 */
export function boardFiltersToInput(
  draft: BoardFilterDraft,
  currency: string,
  staleDays: number,
): { filters: DealFilters; problems: BoardFilterProblem[] } {
  const filters: DealFilters = { statuses: ['open'] };
  const problems: BoardFilterProblem[] = [];
  if (draft.source) filters.sources = [draft.source];
  const amount = (text: string, field: BoardFilterProblem): number | undefined => {
    if (!text.trim()) return undefined;
    const cents = parseAmount(text, currency);
    if (cents === null) problems.push(field);
    return cents ?? undefined;
  };
  const min = amount(draft.valueMin, 'valueMin');
  const max = amount(draft.valueMax, 'valueMax');
  if (min !== undefined) filters.valueMinCents = min;
  if (max !== undefined) filters.valueMaxCents = max;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(draft.closeMonth)) filters.closeMonth = draft.closeMonth;
  if (draft.staleOnly) filters.staleDays = staleDays;
  return { filters, problems };
}

/** How many filters are on, for the "Clear filters" button. */
export function activeFilterCount(draft: BoardFilterDraft): number {
  return (
    [draft.source, draft.valueMin.trim(), draft.valueMax.trim(), draft.closeMonth].filter(Boolean).length +
    (draft.staleOnly ? 1 : 0)
  );
}
