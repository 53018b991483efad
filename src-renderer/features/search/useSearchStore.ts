import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { SearchHit } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';

export interface SearchState {
  query: string;
  hits: SearchHit[];
  /** The backend's own measurement of the last search, shown in the palette's footer. */
  tookMs: number | null;
  loading: boolean;
  error: ApiError | null;
  setQuery: (query: string) => void;
  clear: () => void;
}

/** Waiting this long after a keystroke keeps a fast typist from sending one search per letter. */
const TYPING_PAUSE_MS = 120;

export function createSearchStore(api: ApiClient) {
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  return createStore<SearchState>()((set) => {
    const run = async (query: string, request: number) => {
      try {
        const result = await api.invoke('customers.search', { query, limit: 20 });
        // Typing is faster than answers: only the newest query may fill the list.
        if (request === latest)
          set({ hits: result.hits, tookMs: result.tookMs, loading: false, error: null });
      } catch (error) {
        if (request === latest) set({ loading: false, error: toApiError(error) });
      }
    };
    return {
      query: '',
      hits: [],
      tookMs: null,
      loading: false,
      error: null,
      setQuery: (query) => {
        const request = ++latest;
        clearTimeout(timer);
        set({ query });
        if (!query.trim()) {
          set({ hits: [], tookMs: null, loading: false, error: null });
          return;
        }
        set({ loading: true });
        timer = setTimeout(() => void run(query, request), TYPING_PAUSE_MS);
      },
      clear: () => {
        latest++;
        clearTimeout(timer);
        set({ query: '', hits: [], tookMs: null, loading: false, error: null });
      },
    };
  });
}

export function useSearchStore<T>(selector: (state: SearchState) => T): T {
  return useStore(useAppStores().search, selector);
}
