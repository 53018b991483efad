import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { DownloadFile, ImportHistoryEntry } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';
import { useI18n } from '../../i18n/useI18n';

export interface ImportHistoryState {
  entries: ImportHistoryEntry[];
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  load: () => Promise<void>;
  /** Removes what the import created and puts back what it changed; failures become an error toast. */
  undo: (importId: number, fileName: string) => Promise<void>;
  /**
   * The rejected rows with a reason column, as a CSV to fix and import again; null after an error
   * toast. The component saves it (saveDownload): stores stay free of the DOM.
   */
  fetchRejects: (importId: number) => Promise<DownloadFile | null>;
}

const failed = (error: unknown) => showToast({ tone: 'error', message: `error.${toApiError(error).code}` });

/** Every import is a batch the owner can look back at, undo, or take the rejected rows of. */
export function createImportHistoryStore(api: ApiClient) {
  return createStore<ImportHistoryState>()((set, get) => ({
    entries: [],
    loaded: false,
    loading: false,
    error: null,

    load: async () => {
      set({ loading: true });
      try {
        const entries = await api.invoke('imports.list', {});
        set({ entries, loaded: true, loading: false, error: null });
      } catch (error) {
        set({ loading: false, error: toApiError(error) });
      }
    },

    undo: async (importId, fileName) => {
      try {
        const { restored, kept } = await api.invoke('imports.undo', { importId });
        showToast({
          message: kept > 0 ? 'imports.toast.undoneKept' : 'imports.toast.undone',
          params: { file: fileName, restored, kept },
        });
      } catch (error) {
        failed(error);
      }
      // The `data.changed` push reloads it too; this keeps the page right when pushes are lost.
      await get().load();
    },

    fetchRejects: async (importId) => {
      try {
        // The reason column is written in the language the owner reads.
        const language = useI18n.getState().locale;
        return await api.invoke('imports.rejects', { importId, language });
      } catch (error) {
        failed(error);
        return null;
      }
    },
  }));
}

export function useImportHistoryStore<T>(selector: (state: ImportHistoryState) => T): T {
  return useStore(useAppStores().importHistory, selector);
}
