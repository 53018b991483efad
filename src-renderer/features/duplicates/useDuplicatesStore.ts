import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Customer, DuplicatePair, MergeField } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';

/** The merge dialog: the pair it was opened for and, once fetched, both full records (a is kept). */
export interface MergeDraft {
  pair: DuplicatePair;
  kept: Customer | null;
  other: Customer | null;
  error: ApiError | null;
  merging: boolean;
}

export interface DuplicatesState {
  pairs: DuplicatePair[];
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  draft: MergeDraft | null;
  load: () => Promise<void>;
  /**
   * Finding pairs reads every customer: the list is dropped when its page closes, so pushes do not
   * recompute it for nobody (refetchOnPush only reloads stores that are loaded).
   */
  forget: () => void;
  dismiss: (pair: DuplicatePair) => Promise<void>;
  openMerge: (pair: DuplicatePair) => Promise<void>;
  closeMerge: () => void;
  /** Merges the other record into the kept one, taking the listed fields from the other. */
  confirmMerge: (takeFromMerged: MergeField[], takeCustomFromMerged: string[]) => Promise<void>;
}

const failed = (error: unknown) => showToast({ tone: 'error', message: `error.${toApiError(error).code}` });

export function createDuplicatesStore(api: ApiClient) {
  return createStore<DuplicatesState>()((set, get) => {
    const undoMerge = async (batchId: number, kept: string, other: string) => {
      try {
        await api.invoke('batches.undo', { batchId });
        showToast({ message: 'duplicates.toast.unmerged', params: { kept, other } });
      } catch (error) {
        failed(error);
      }
      // The toast outlives the page: reload only a list that is still on screen.
      if (get().loaded) await get().load();
    };

    return {
      pairs: [],
      loaded: false,
      loading: false,
      error: null,
      draft: null,

      load: async () => {
        set({ loading: true });
        try {
          const { pairs } = await api.invoke('duplicates.list', {});
          set({ pairs, loaded: true, loading: false, error: null });
        } catch (error) {
          set({ loading: false, error: toApiError(error) });
        }
      },

      forget: () => set({ pairs: [], loaded: false, draft: null }),

      dismiss: async ({ a, b }) => {
        try {
          await api.invoke('duplicates.dismiss', { aId: a.id, bId: b.id });
          showToast({ message: 'duplicates.toast.dismissed', params: { a: a.name, b: b.name } });
        } catch (error) {
          failed(error);
        }
        await get().load();
      },

      openMerge: async (pair) => {
        set({ draft: { pair, kept: null, other: null, error: null, merging: false } });
        try {
          const [kept, other] = await Promise.all([
            api.invoke('customers.get', { id: pair.a.id }),
            api.invoke('customers.get', { id: pair.b.id }),
          ]);
          if (get().draft?.pair === pair) set({ draft: { pair, kept, other, error: null, merging: false } });
        } catch (error) {
          const draft = get().draft;
          if (draft?.pair === pair) set({ draft: { ...draft, error: toApiError(error) } });
        }
      },

      closeMerge: () => set({ draft: null }),

      confirmMerge: async (takeFromMerged, takeCustomFromMerged) => {
        const draft = get().draft;
        if (!draft?.kept || !draft.other || draft.merging) return;
        const { kept, other } = draft;
        set({ draft: { ...draft, merging: true, error: null } });
        try {
          const { batchId } = await api.invoke('customers.merge', {
            keepId: kept.id,
            mergeId: other.id,
            takeFromMerged,
            takeCustomFromMerged,
          });
          set({ draft: null });
          // The kept record may have taken the other's name: the toast names both as they were.
          showToast({
            message: 'duplicates.toast.merged',
            params: { kept: kept.name, other: other.name },
            action: { label: 'common.undo', run: () => undoMerge(batchId, kept.name, other.name) },
          });
        } catch (error) {
          set({ draft: { ...draft, merging: false, error: toApiError(error) } });
          return;
        }
        await get().load();
      },
    };
  });
}

export function useDuplicatesStore<T>(selector: (state: DuplicatesState) => T): T {
  return useStore(useAppStores().duplicates, selector);
}
