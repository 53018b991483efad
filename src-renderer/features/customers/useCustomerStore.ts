import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Customer, CustomerFieldsInput, CustomerRowView } from '../../../src-shared/contract';
import { toApiError, type ApiClient } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';
import { customerListSlice, type CustomerListState } from './customerListSlice';

export interface CustomerState extends CustomerListState {
  /** Rejects with an ApiError (VALIDATION issues go onto the form's fields). */
  create: (fields: CustomerFieldsInput) => Promise<Customer>;
  update: (id: number, patch: Partial<CustomerFieldsInput>) => Promise<Customer>;
  /** Moves to the trash and offers Undo; failures become an error toast. */
  moveToTrash: (customer: Pick<CustomerRowView, 'id' | 'name'>) => Promise<void>;
  restore: (customer: Pick<CustomerRowView, 'id' | 'name'>) => Promise<void>;
}

function toastError(error: unknown): void {
  showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
}

export function createCustomerStore(api: ApiClient) {
  return createStore<CustomerState>()((set, get) => {
    const restore = async (customer: Pick<CustomerRowView, 'id' | 'name'>) => {
      try {
        const restored = await api.invoke('customers.restore', { id: customer.id });
        showToast({ message: 'customers.toast.restored', params: { name: restored.name } });
      } catch (error) {
        toastError(error);
      }
      await get().load();
    };

    return {
      ...customerListSlice(api, 'active', set, get),

      create: async (fields) => {
        const created = await api.invoke('customers.create', fields);
        showToast({ message: 'customers.toast.created', params: { name: created.name } });
        void get().load();
        return created;
      },

      update: async (id, patch) => {
        const updated = await api.invoke('customers.update', { id, patch });
        showToast({ message: 'customers.toast.updated', params: { name: updated.name } });
        void get().load();
        return updated;
      },

      moveToTrash: async (customer) => {
        try {
          await api.invoke('customers.delete', { id: customer.id });
          showToast({
            message: 'customers.toast.trashed',
            params: { name: customer.name },
            action: { label: 'common.undo', run: () => restore(customer) },
          });
        } catch (error) {
          toastError(error);
        }
        await get().load();
      },

      restore,
    };
  });
}

export function useCustomerStore<T>(selector: (state: CustomerState) => T): T {
  return useStore(useAppStores().customers, selector);
}
