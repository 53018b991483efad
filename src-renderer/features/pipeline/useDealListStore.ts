import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ChannelInput, Deal } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';
import { DEFAULT_LIST_FILTERS, listInput, type DealListFilters, type ListSort } from './dealListInput';

export interface DealListState {
  deals: Deal[];
  total: number;
  filters: DealListFilters;
  sort: ListSort | undefined;
  selected: ReadonlySet<number>;
  loaded: boolean;
  loading: boolean;
  /** Bumped by a new order or filter, so the table scrolls back to the top. */
  resetKey: number;
  error: ApiError | null;
  load: () => Promise<void>;
  setFilters: (filters: DealListFilters) => void;
  setSort: (sort: DealListState['sort']) => void;
  toggle: (id: number) => void;
  toggleAll: () => void;
  clearSelection: () => void;
  /** Bulk actions on the selected deals, all or none; one toast says how many changed. */
  moveSelected: (stageId: number) => Promise<void>;
  deleteSelected: () => Promise<void>;
}

export function createDealListStore(api: ApiClient) {
  let latest = 0;
  return createStore<DealListState>()((set, get) => {
    const load = async () => {
      const request = ++latest;
      set({ loading: true });
      try {
        const { deals, total } = await api.invoke('deals.list', listInput(get().filters, get().sort));
        if (request !== latest) return;
        // A selected deal that left the list (moved out of the filter, deleted) is no longer selected.
        const shown = new Set(deals.map((deal) => deal.id));
        const selected = new Set([...get().selected].filter((id) => shown.has(id)));
        set({ deals, total, selected, loaded: true, loading: false, error: null });
      } catch (error) {
        if (request === latest) set({ loading: false, error: toApiError(error) });
      }
    };

    /** One bulk call for the selection: all of it changes or none (the backend's transaction). */
    const bulk = async (action: ChannelInput<'deals.bulk'>['action']) => {
      const ids = [...get().selected];
      try {
        await api.invoke('deals.bulk', { ids, action });
      } catch (error) {
        showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
        return null;
      }
      set({ selected: new Set() });
      await load();
      return ids;
    };

    return {
      deals: [],
      total: 0,
      filters: DEFAULT_LIST_FILTERS,
      sort: undefined,
      selected: new Set(),
      loaded: false,
      loading: false,
      resetKey: 0,
      error: null,
      load,
      setFilters: (filters) => {
        set({ filters, selected: new Set(), resetKey: get().resetKey + 1 });
        void load();
      },
      setSort: (sort) => {
        set({ sort, resetKey: get().resetKey + 1 });
        void load();
      },
      toggle: (id) => {
        const selected = new Set(get().selected);
        if (!selected.delete(id)) selected.add(id);
        set({ selected });
      },
      toggleAll: () =>
        set({
          selected: get().selected.size > 0 ? new Set() : new Set(get().deals.map((deal) => deal.id)),
        }),
      clearSelection: () => set({ selected: new Set() }),
      moveSelected: async (stageId) => {
        const ids = await bulk({ type: 'move', stageId });
        if (ids) showToast({ message: 'pipeline.toast.bulkMoved', params: { count: ids.length } });
      },
      deleteSelected: async () => {
        const ids = await bulk({ type: 'delete' });
        if (!ids) return;
        showToast({
          message: 'pipeline.toast.bulkDeleted',
          params: { count: ids.length },
          action: {
            label: 'common.undo',
            run: async () => {
              await api.invoke('deals.bulk', { ids, action: { type: 'restore' } }).catch(() => undefined);
              await load();
            },
          },
        });
      },
    };
  });
}

export function useDealListStore<T>(selector: (state: DealListState) => T): T {
  return useStore(useAppStores().dealList, selector);
}
