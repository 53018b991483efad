import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { CustomerRowView as Customer } from '../../../src-shared/contract';
import { toApiError, type ApiClient } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';
import { customerListSlice, type CustomerListState } from '../customers/customerListSlice';

export interface TrashState extends CustomerListState {
  restore: (customer: Customer) => Promise<void>;
  /** Erases for good what has been in the trash longer than the owner's setting; says how many. */
  purge: () => Promise<void>;
}

export function createTrashStore(api: ApiClient) {
  return createStore<TrashState>()((set, get) => ({
    // The server lists the trash most recently deleted first unless asked otherwise.
    ...customerListSlice(api, 'trash', set, get),

    restore: async (customer) => {
      try {
        const restored = await api.invoke('customers.restore', { id: customer.id });
        showToast({ message: 'customers.toast.restored', params: { name: restored.name } });
      } catch (error) {
        showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
      }
      await get().load();
    },

    purge: async () => {
      try {
        const { purged } = await api.invoke('customers.purge', {});
        showToast({ message: 'trash.purge.done', params: { count: purged } });
      } catch (error) {
        showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
      }
      await get().load();
    },
  }));
}

export function useTrashStore<T>(selector: (state: TrashState) => T): T {
  return useStore(useAppStores().trash, selector);
}
