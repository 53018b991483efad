import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Deal, DealFilters } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';
import { placeDeal } from './boardColumns';
import { EMPTY_BOARD_FILTERS, type BoardFilterDraft } from './boardFilters';

/**
 * The board: every open deal the filters match, in column order (the server sorts by position), and
 * the moves made on it. A move shows at once and is confirmed (or put back) by the server's answer.
 */
export interface PipelineState {
  deals: Deal[];
  draft: BoardFilterDraft;
  filters: DealFilters;
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  /** The deal whose card should take the focus once drawn (after a keyboard move). */
  focusId: number | null;
  load: () => Promise<void>;
  setFilters: (draft: BoardFilterDraft, filters: DealFilters) => void;
  move: (id: number, stageId: number, beforeId: number | null, focus?: boolean) => Promise<void>;
  focused: () => void;
}

export function createPipelineStore(api: ApiClient) {
  let latest = 0;
  /** The newest move asked for each deal: a quick second move must not be undone by the first's answer. */
  const newestMove = new Map<number, number>();
  let moves = 0;
  return createStore<PipelineState>()((set, get) => {
    const load = async () => {
      const request = ++latest;
      set({ loading: true });
      try {
        const { deals } = await api.invoke('deals.list', { ...get().filters, sort: 'position' });
        if (request === latest) set({ deals, loaded: true, loading: false, error: null });
      } catch (error) {
        if (request === latest) set({ loading: false, error: toApiError(error) });
      }
    };
    return {
      deals: [],
      draft: EMPTY_BOARD_FILTERS,
      filters: { statuses: ['open'] },
      loaded: false,
      loading: false,
      error: null,
      focusId: null,
      load,
      setFilters: (draft, filters) => {
        set({ draft, filters });
        void load();
      },
      move: async (id, stageId, beforeId, focus = false) => {
        // A reload already on its way carries the old order: it must not overwrite this move.
        latest++;
        const move = ++moves;
        newestMove.set(id, move);
        set({
          deals: placeDeal(get().deals, id, stageId, beforeId),
          focusId: focus ? id : get().focusId,
        });
        try {
          const saved = await api.invoke('deals.move', { id, stageId, beforeId });
          if (newestMove.get(id) === move) {
            set({ deals: get().deals.map((deal) => (deal.id === id ? saved : deal)) });
          }
        } catch (error) {
          showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
          // Put back what the server holds (other moves since may have gone through).
          await load();
        }
      },
      focused: () => set({ focusId: null }),
    };
  });
}

export function usePipelineStore<T>(selector: (state: PipelineState) => T): T {
  return useStore(useAppStores().pipeline, selector);
}
