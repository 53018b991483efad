import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand';
import type { CustomerState } from '../features/customers/useCustomerStore';
import type { SettingsState } from '../features/settings/useSettingsStore';
import type { TrashState } from '../features/trash/useTrashStore';

/**
 * The stores that talk to the backend. They are created once, around one API client, in main.tsx
 * and handed down through context, so a test or a demo can build them around another client.
 */
export interface AppStores {
  customers: StoreApi<CustomerState>;
  trash: StoreApi<TrashState>;
  settings: StoreApi<SettingsState>;
}

export const StoresContext = createContext<AppStores | null>(null);

export function useAppStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useAppStores must be used inside <StoresContext.Provider>');
  return stores;
}
