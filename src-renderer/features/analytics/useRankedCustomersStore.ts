import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { AT_RISK_THRESHOLD, type ChannelInput, type ChannelOutput } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';

/** The two ranked lists the analytics pages show: who is most worth a call, and who is worth most. */
export type RankedList = 'atRisk' | 'topValue';

/** How many rows a page lists; the whole set opens in the customer list. */
export const RANKED_ROWS = 50;

const QUERIES: Record<RankedList, ChannelInput<'analytics.customers'>> = {
  // P(churn) × CLV: a likely loss that is also worth something comes first.
  atRisk: { sort: 'riskValue', minRisk: AT_RISK_THRESHOLD, offset: 0, limit: RANKED_ROWS },
  topValue: { sort: 'clv', offset: 0, limit: RANKED_ROWS },
};

type Ranked = ChannelOutput<'analytics.customers'>;

export interface RankedCustomersState {
  lists: Partial<Record<RankedList, Ranked>>;
  loading: Partial<Record<RankedList, boolean>>;
  errors: Partial<Record<RankedList, ApiError | null>>;
  load: (list: RankedList) => Promise<void>;
  /** After a new run: the lists already shown are fetched again. */
  reloadShown: () => void;
}

export function createRankedCustomersStore(api: ApiClient) {
  const latest: Record<RankedList, number> = { atRisk: 0, topValue: 0 };
  return createStore<RankedCustomersState>()((set, get) => {
    const load = async (list: RankedList) => {
      const request = ++latest[list];
      set({ loading: { ...get().loading, [list]: true } });
      try {
        const answer = await api.invoke('analytics.customers', QUERIES[list]);
        if (request !== latest[list]) return;
        set({
          lists: { ...get().lists, [list]: answer },
          loading: { ...get().loading, [list]: false },
          errors: { ...get().errors, [list]: null },
        });
      } catch (error) {
        if (request !== latest[list]) return;
        set({
          loading: { ...get().loading, [list]: false },
          errors: { ...get().errors, [list]: toApiError(error) },
        });
      }
    };
    return {
      lists: {},
      loading: {},
      errors: {},
      load,
      reloadShown: () => {
        for (const list of Object.keys(get().lists) as RankedList[]) void load(list);
      },
    };
  });
}

export function useRankedCustomersStore<T>(selector: (state: RankedCustomersState) => T): T {
  return useStore(useAppStores().rankedCustomers, selector);
}
