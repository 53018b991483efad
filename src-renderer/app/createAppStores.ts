import type { ApiClient } from '../api';
import { createCustomerStore } from '../features/customers/useCustomerStore';
import { createSettingsStore } from '../features/settings/useSettingsStore';
import { createTrashStore } from '../features/trash/useTrashStore';
import type { AppStores } from './storesContext';

export function createAppStores(api: ApiClient): AppStores {
  return {
    customers: createCustomerStore(api),
    trash: createTrashStore(api),
    settings: createSettingsStore(api),
  };
}

/**
 * Another door (the CLI, a second window, an undo) may change data under us: refetch whatever this
 * page has already shown. Stores that were never loaded will load when their page opens.
 */
export function refetchOnPush(api: ApiClient, stores: AppStores): () => void {
  return api.onEvent((event) => {
    if (event.type !== 'data.changed') return;
    if (event.payload.entity === 'customers') {
      for (const store of [stores.customers, stores.trash]) {
        if (store.getState().loaded) void store.getState().load();
      }
    } else {
      void stores.settings.getState().load();
    }
  });
}
