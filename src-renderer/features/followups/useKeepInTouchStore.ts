import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { KeepInTouch } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';

/** A customer's keep-in-touch cadence ("every N days") and when they are next due. */
export interface KeepInTouchState {
  customerId: number | null;
  cadence: KeepInTouch | null;
  loaded: boolean;
  error: ApiError | null;
  show: (customerId: number | null) => Promise<void>;
  load: () => Promise<void>;
  /** null turns it off; rejects with an ApiError so the control can show the issue at its field. */
  save: (everyDays: number | null) => Promise<void>;
}

export function createKeepInTouchStore(api: ApiClient) {
  let latest = 0;
  return createStore<KeepInTouchState>()((set, get) => {
    const load = async () => {
      const customerId = get().customerId;
      if (customerId === null) return;
      const request = ++latest;
      try {
        const cadence = await api.invoke('keepInTouch.get', { customerId });
        if (request === latest) set({ cadence, loaded: true, error: null });
      } catch (error) {
        if (request === latest) set({ error: toApiError(error) });
      }
    };
    return {
      customerId: null,
      cadence: null,
      loaded: false,
      error: null,
      load,
      show: async (customerId) => {
        latest++;
        if (customerId !== get().customerId) set({ customerId, cadence: null, loaded: false, error: null });
        await load();
      },
      save: async (everyDays) => {
        const customerId = get().customerId;
        if (customerId === null) return;
        const cadence = await api.invoke('keepInTouch.set', { customerId, everyDays });
        latest++;
        set({ cadence });
        showToast({ message: everyDays === null ? 'followups.keep.toastOff' : 'followups.keep.toastOn' });
      },
    };
  });
}

export function useKeepInTouchStore<T>(selector: (state: KeepInTouchState) => T): T {
  return useStore(useAppStores().keepInTouch, selector);
}
