/** The list page's filter bar and sort, and the `deals.list` input they stand for. Pure, for its test. */
import type { DEAL_SORTS, DealStatus } from '../../../src-shared/contract';

export type DealSort = (typeof DEAL_SORTS)[number];
export interface ListSort {
  field: DealSort;
  direction: 'asc' | 'desc';
}

/** The list page's filters, as its filter bar holds them. */
export interface DealListFilters {
  statuses: DealStatus[];
  /** Empty = every stage. */
  stageId: number | null;
  source: string;
  /** `YYYY-MM`, or '' for any month (set by a click on the forecast chart). */
  closeMonth: string;
}

export const DEFAULT_LIST_FILTERS: DealListFilters = {
  statuses: ['open'],
  stageId: null,
  source: '',
  closeMonth: '',
};

/** The channel input a filter bar stands for. */
export function listInput(filters: DealListFilters, sort: ListSort | undefined) {
  return {
    statuses: filters.statuses.length > 0 ? filters.statuses : (['open'] as DealStatus[]),
    stageIds: filters.stageId !== null ? [filters.stageId] : undefined,
    sources: filters.source ? [filters.source] : undefined,
    closeMonth: filters.closeMonth || undefined,
    sort: sort?.field ?? 'position',
    direction: sort?.direction ?? 'asc',
  } as const;
}
