import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../api';
import { useAppStores } from '../../app/storesContext';
import type { CaptureInput } from './captureForm';
import { saveCapture, type CaptureResult, type LoggedDraft } from './captureSave';

/**
 * The quick-capture window: logs a conversation and, when a day was given, its follow-up. Other
 * windows hear of both through the `data.changed` push, like any other write.
 */
export interface QuickCaptureState {
  /** What the last save made; the page shows it instead of the form until "Log another". */
  saved: CaptureResult | null;
  /** The conversation logged for a draft whose follow-up was then refused (see saveCapture). */
  logged: LoggedDraft | null;
  /** Rejects with an ApiError so the form can show the server's issues at its fields. */
  save: (input: CaptureInput) => Promise<void>;
  logAnother: () => void;
}

export function createQuickCaptureStore(api: ApiClient) {
  return createStore<QuickCaptureState>()((set, get) => ({
    saved: null,
    logged: null,
    save: async (input) => {
      const saved = await saveCapture(api, input, get().logged, (logged) => set({ logged }));
      set({ saved, logged: null });
    },
    logAnother: () => set({ saved: null, logged: null }),
  }));
}

export function useQuickCaptureStore<T>(selector: (state: QuickCaptureState) => T): T {
  return useStore(useAppStores().quickCapture, selector);
}
