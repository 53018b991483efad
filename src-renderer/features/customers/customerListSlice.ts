import type { CustomerRowView, CustomerSortField } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';

export const PAGE_SIZE = 50;

export interface CustomerSort {
  field: CustomerSortField;
  direction: 'asc' | 'desc';
}

/** One page of customers from the server: shared by the customer list and the trash. */
export interface CustomerListState {
  rows: CustomerRowView[];
  total: number;
  page: number;
  pageSize: number;
  /** Undefined means the server's default order for the view. */
  sort: CustomerSort | undefined;
  /** True once a page has arrived; until then the page shows a loading state, not an empty state. */
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  load: () => Promise<void>;
  setPage: (page: number) => void;
  setSort: (sort: CustomerSort | undefined) => void;
}

/** What a list page renders; select it with `useShallow` so the page re-renders only when these change. */
export const selectListView = (s: CustomerListState) => ({
  rows: s.rows,
  total: s.total,
  page: s.page,
  pageSize: s.pageSize,
  sort: s.sort,
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
  // Push events and user actions can overlap; only the newest request may write the state.
  let latest = 0;

  const load = async (): Promise<void> => {
    const request = ++latest;
    set({ loading: true });
    try {
      const { page, pageSize, sort } = get();
      const result = await api.invoke('customers.list', {
        view,
        offset: page * pageSize,
        limit: pageSize,
        sort,
      });
      if (request !== latest) return;
      const lastPage = Math.max(0, Math.ceil(result.total / pageSize) - 1);
      if (page > lastPage) {
        // The page emptied under us (last row deleted, possibly by another door): show the last real page.
        set({ page: lastPage });
        return load();
      }
      set({ rows: result.rows, total: result.total, loaded: true, loading: false, error: null });
    } catch (error) {
      if (request === latest) set({ loading: false, error: toApiError(error) });
    }
  };

  return {
    rows: [],
    total: 0,
    page: 0,
    pageSize: PAGE_SIZE,
    sort: undefined,
    loaded: false,
    loading: false,
    error: null,
    load,
    setPage: (page) => {
      set({ page });
      void load();
    },
    setSort: (sort) => {
      // A new order makes the old page number meaningless.
      set({ sort, page: 0 });
      void load();
    },
  };
}
