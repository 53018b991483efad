import type {
  CustomerFilters,
  CustomerRowView,
  CustomerSort,
  CustomerListInput,
} from '../../../src-shared/contract';
import { toApiError, type ApiError } from '../../api/ApiError';
import type { ApiClient } from '../../api/client';

/** Rows per request: one window covers a few screens, so a scroll costs few round trips. */
export const WINDOW_SIZE = 100;
/** How far beyond the visible rows to fetch ahead, so scrolling meets loaded rows, not placeholders. */
const PREFETCH_ROWS = WINDOW_SIZE;
/** Windows kept in memory; the ones farthest from the visible rows are dropped first. */
const MAX_CACHED_WINDOWS = 40;

export type { CustomerSort };

/**
 * A virtualized view of a server list (the customer list and the trash): only windows of rows
 * around what the table shows are fetched and cached; `total` sizes the scrollbar.
 */
export interface CustomerListState {
  total: number;
  /** Window index -> its rows. Rows of a window not loaded yet render as placeholders. */
  windows: ReadonlyMap<number, CustomerRowView[]>;
  /** Undefined means the server's default order for the view. */
  sort: CustomerSort | undefined;
  filters: CustomerFilters;
  /** Bumped when the order or the filters change: the table scrolls back to the top. */
  resetKey: number;
  /** True once a window has arrived; until then the page shows a loading state, not an empty state. */
  loaded: boolean;
  /** A request is in flight. */
  loading: boolean;
  error: ApiError | null;
  /** Refetches the rows in view (arrival on the page, data changed elsewhere) without blanking them. */
  load: () => Promise<void>;
  /** The table reports the rows it shows; missing windows around them are fetched. */
  showRows: (first: number, last: number) => void;
  setSort: (sort: CustomerSort | undefined) => void;
  setFilters: (filters: CustomerFilters) => void;
}

/** The row at a list position, or undefined while its window loads. */
export function rowAt(
  windows: ReadonlyMap<number, CustomerRowView[]>,
  index: number,
): CustomerRowView | undefined {
  return windows.get(Math.floor(index / WINDOW_SIZE))?.[index % WINDOW_SIZE];
}

/** What a list page renders; select it with `useShallow` so the page re-renders only when these change. */
export const selectListView = (s: CustomerListState) => ({
  total: s.total,
  windows: s.windows,
  sort: s.sort,
  filters: s.filters,
  resetKey: s.resetKey,
  loaded: s.loaded,
  loading: s.loading,
  error: s.error,
});

type Setter = (partial: Partial<CustomerListState>) => void;
type Getter = () => CustomerListState;

export function customerListSlice(
  api: ApiClient,
  view: 'active' | 'trash',
  set: Setter,
  get: Getter,
): CustomerListState {
  // Each change of order, filters or data starts a generation; answers from an older one are dropped.
  let generation = 0;
  // Windows fetched in this generation, and those being fetched: neither is asked for again.
  let fresh = new Set<number>();
  let inFlight = new Set<number>();
  // After a sort or filter change the cached rows belong to another list: the first answer replaces them all.
  let replaceAll = false;
  let range = { first: 0, last: WINDOW_SIZE - 1 };

  const wantedWindows = (): number[] => {
    const { loaded, total } = get();
    // Before the first answer the total is unknown: ask for the top only.
    if (!loaded || replaceAll) return [0];
    const lastRow = Math.min(total - 1, range.last + PREFETCH_ROWS);
    const from = Math.floor(Math.max(0, range.first - PREFETCH_ROWS) / WINDOW_SIZE);
    const wanted: number[] = [];
    for (let index = from; index * WINDOW_SIZE <= lastRow; index++) wanted.push(index);
    // An empty (or emptied) list still asks once: rows may have arrived since the last answer.
    if (wanted.length === 0) wanted.push(Math.min(from, Math.floor(Math.max(0, total - 1) / WINDOW_SIZE)));
    return wanted;
  };

  /** Drops the windows farthest from the rows in view once the cache is full. */
  const trimmed = (windows: Map<number, CustomerRowView[]>) => {
    if (windows.size <= MAX_CACHED_WINDOWS) return windows;
    const centre = (range.first + range.last) / 2 / WINDOW_SIZE;
    const byDistance = [...windows.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const index of byDistance.slice(0, windows.size - MAX_CACHED_WINDOWS)) {
      windows.delete(index);
      fresh.delete(index);
    }
    return windows;
  };

  const fetchWindow = async (index: number): Promise<void> => {
    const requestGeneration = generation;
    const { sort, filters } = get();
    inFlight.add(index);
    set({ loading: true });
    const input: CustomerListInput = {
      view,
      offset: index * WINDOW_SIZE,
      limit: WINDOW_SIZE,
      sort,
      filters,
    };
    try {
      const page = await api.invoke('customers.list', input);
      if (requestGeneration !== generation) return;
      inFlight.delete(index);
      fresh.add(index);
      const windows = replaceAll ? new Map<number, CustomerRowView[]>() : new Map(get().windows);
      replaceAll = false;
      windows.set(index, page.rows);
      set({
        windows: trimmed(windows),
        total: page.total,
        loaded: true,
        loading: inFlight.size > 0,
        error: null,
      });
      // The total may have changed what is in view (or this was the first answer): fill the gaps.
      fill();
    } catch (error) {
      if (requestGeneration !== generation) return;
      inFlight.delete(index);
      set({ loading: inFlight.size > 0, error: toApiError(error) });
    }
  };

  const fill = (): Promise<void> => {
    const requests = wantedWindows()
      .filter((index) => !fresh.has(index) && !inFlight.has(index))
      .map(fetchWindow);
    return Promise.all(requests).then(() => undefined);
  };

  const restart = (options: { replaceAll: boolean }) => {
    generation++;
    fresh = new Set();
    inFlight = new Set();
    // A reset whose answer never came still owes the table a clean slate.
    replaceAll = options.replaceAll || replaceAll;
  };

  const reset = (partial: Pick<Partial<CustomerListState>, 'sort' | 'filters'>) => {
    restart({ replaceAll: true });
    range = { first: 0, last: WINDOW_SIZE - 1 };
    set({ ...partial, resetKey: get().resetKey + 1 });
    void fill();
  };

  return {
    total: 0,
    windows: new Map(),
    sort: undefined,
    filters: {},
    resetKey: 0,
    loaded: false,
    loading: false,
    error: null,
    load: () => {
      // Rows already shown stay until their fresh copy arrives: a refetch must not flash placeholders.
      restart({ replaceAll: false });
      return fill();
    },
    showRows: (first, last) => {
      range = { first, last };
      if (get().loaded && !replaceAll) void fill();
    },
    setSort: (sort) => reset({ sort }),
    setFilters: (filters) => reset({ filters }),
  };
}
