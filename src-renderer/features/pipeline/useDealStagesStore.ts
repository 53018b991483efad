import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ChannelInput, DealStage } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';

/** The owner's open stages in board order: every pipeline page reads them, Settings edits them. */
export interface DealStagesState {
  stages: DealStage[];
  loaded: boolean;
  error: ApiError | null;
  load: () => Promise<void>;
  /** Loads once; pages call it on mount and share the answer. */
  ensureLoaded: () => Promise<void>;
  /** These reject with an ApiError so Settings can show issues at their fields. */
  create: (input: ChannelInput<'dealStages.create'>) => Promise<DealStage>;
  update: (id: number, patch: ChannelInput<'dealStages.update'>['patch']) => Promise<DealStage>;
  reorder: (ids: number[]) => Promise<void>;
  remove: (id: number, moveTo?: number) => Promise<number>;
}

export function createDealStagesStore(api: ApiClient) {
  let latest = 0;
  let pending: Promise<void> | null = null;
  return createStore<DealStagesState>()((set, get) => {
    const load = async () => {
      const request = ++latest;
      try {
        const stages = await api.invoke('dealStages.list', {});
        if (request === latest) set({ stages, loaded: true, error: null });
      } catch (error) {
        if (request === latest) set({ error: toApiError(error) });
      }
    };
    const saved = () => showToast({ message: 'pipeline.settings.saved' });
    return {
      stages: [],
      loaded: false,
      error: null,
      load,
      ensureLoaded: () => {
        if (get().loaded) return Promise.resolve();
        pending ??= load().finally(() => (pending = null));
        return pending;
      },
      create: async (input) => {
        const stage = await api.invoke('dealStages.create', input);
        saved();
        await load();
        return stage;
      },
      update: async (id, patch) => {
        const stage = await api.invoke('dealStages.update', { id, patch });
        saved();
        await load();
        return stage;
      },
      reorder: async (ids) => {
        // Optimistic: the row moves at once; a refusal puts the stored order back.
        const previous = get().stages;
        set({ stages: ids.map((id) => previous.find((stage) => stage.id === id)).filter((s) => !!s) });
        try {
          set({ stages: await api.invoke('dealStages.reorder', { ids }) });
        } catch (error) {
          set({ stages: previous });
          showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
        }
      },
      remove: async (id, moveTo) => {
        const result = await api.invoke('dealStages.remove', { id, moveTo });
        set({ stages: result.stages });
        saved();
        return result.moved;
      },
    };
  });
}

export function useDealStagesStore<T>(selector: (state: DealStagesState) => T): T {
  return useStore(useAppStores().dealStages, selector);
}
