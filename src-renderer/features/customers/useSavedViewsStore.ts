import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { SavedView, SavedViewDefinition } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';

/** The owner's saved customer lists (name + filters + sort + columns). */
export interface SavedViewsState {
  views: SavedView[];
  loaded: boolean;
  error: ApiError | null;
  load: () => Promise<void>;
  /** Rejects with an ApiError (a taken or empty name comes back as an issue on `name`). */
  create: (name: string, definition: SavedViewDefinition) => Promise<SavedView>;
  /** Saves the current definition into an existing view; failures become an error toast. */
  update: (view: SavedView, definition: SavedViewDefinition) => Promise<void>;
  /** Deletes and offers Undo (the view is saved again under its name). */
  remove: (view: SavedView) => Promise<void>;
}

export function createSavedViewsStore(api: ApiClient) {
  const store = createStore<SavedViewsState>()((set, get) => {
    const toastError = (error: unknown) => {
      showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
    };

    const create = async (name: string, definition: SavedViewDefinition) => {
      const view = await api.invoke('views.create', { name, definition });
      showToast({ message: 'customerList.views.toast.saved', params: { name: view.name } });
      await get().load();
      return view;
    };

    return {
      views: [],
      loaded: false,
      error: null,

      load: async () => {
        try {
          set({ views: await api.invoke('views.list', {}), loaded: true, error: null });
        } catch (error) {
          set({ error: toApiError(error) });
        }
      },

      create,

      update: async (view, definition) => {
        try {
          await api.invoke('views.update', { id: view.id, definition });
          showToast({ message: 'customerList.views.toast.updated', params: { name: view.name } });
        } catch (error) {
          toastError(error);
        }
        await get().load();
      },

      remove: async (view) => {
        try {
          await api.invoke('views.delete', { id: view.id });
          showToast({
            message: 'customerList.views.toast.deleted',
            params: { name: view.name },
            action: {
              label: 'common.undo',
              run: () => create(view.name, view.definition).then(() => undefined, toastError),
            },
          });
        } catch (error) {
          toastError(error);
        }
        await get().load();
      },
    };
  });

  // Views may be saved from another window: keep the list of views current once it is shown.
  api.onEvent((event) => {
    if (event.type === 'data.changed' && event.payload.entity === 'views' && store.getState().loaded) {
      void store.getState().load();
    }
  });
  return store;
}

export function useSavedViewsStore<T>(selector: (state: SavedViewsState) => T): T {
  return useStore(useAppStores().savedViews, selector);
}
