import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Deal } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';

/** The Deals card of a customer's page: all their deals, open and closed. */
export interface CustomerDealsState {
  customerId: number | null;
  deals: Deal[];
  loaded: boolean;
  error: ApiError | null;
  /** Shows another customer's deals (or refreshes the same), null when the page is left. */
  show: (customerId: number | null) => Promise<void>;
  load: () => Promise<void>;
}

export function createCustomerDealsStore(api: ApiClient) {
  let latest = 0;
  return createStore<CustomerDealsState>()((set, get) => {
    const load = async () => {
      const customerId = get().customerId;
      if (customerId === null) return;
      const request = ++latest;
      try {
        const { deals } = await api.invoke('deals.list', {
          customerId,
          statuses: ['open', 'won', 'lost'],
          sort: 'updatedAt',
          direction: 'desc',
          limit: 200,
        });
        if (request === latest) set({ deals, loaded: true, error: null });
      } catch (error) {
        if (request === latest) set({ error: toApiError(error) });
      }
    };
    return {
      customerId: null,
      deals: [],
      loaded: false,
      error: null,
      load,
      show: async (customerId) => {
        latest++;
        if (customerId !== get().customerId) set({ customerId, deals: [], loaded: false, error: null });
        await load();
      },
    };
  });
}

export function useCustomerDealsStore<T>(selector: (state: CustomerDealsState) => T): T {
  return useStore(useAppStores().customerDeals, selector);
}
