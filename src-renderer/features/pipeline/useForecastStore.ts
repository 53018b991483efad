import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { DealForecast } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';

/** The forecast page's figures (weighted months, won months, rates, stale deals, the model's state). */
export interface ForecastState {
  forecast: DealForecast | null;
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  load: () => Promise<void>;
}

export function createForecastStore(api: ApiClient) {
  let latest = 0;
  return createStore<ForecastState>()((set) => ({
    forecast: null,
    loaded: false,
    loading: false,
    error: null,
    load: async () => {
      const request = ++latest;
      set({ loading: true });
      try {
        const forecast = await api.invoke('deals.forecast', {});
        if (request === latest) set({ forecast, loaded: true, loading: false, error: null });
      } catch (error) {
        if (request === latest) set({ loading: false, error: toApiError(error) });
      }
    },
  }));
}

export function useForecastStore<T>(selector: (state: ForecastState) => T): T {
  return useStore(useAppStores().forecast, selector);
}
