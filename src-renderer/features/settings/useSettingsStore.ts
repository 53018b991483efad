import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { AppInfo, Language } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';
import { resolveLocale } from '../../i18n/locale';
import { useI18n } from '../../i18n/useI18n';

export interface SettingsState {
  /** The saved choice; null means "follow the system". */
  language: Language | null;
  info: AppInfo | null;
  loaded: boolean;
  error: ApiError | null;
  saving: boolean;
  /** Settings and app info; the app shell waits for this before its first paint. */
  load: () => Promise<void>;
  setLanguage: (language: Language | null) => Promise<void>;
}

/** The settings store owns the UI locale: whatever is saved decides it, the system language fills in. */
function applyLanguage(language: Language | null): void {
  useI18n.getState().setLocale(resolveLocale(language, navigator.language));
}

export function createSettingsStore(api: ApiClient) {
  return createStore<SettingsState>()((set, get) => ({
    language: null,
    info: null,
    loaded: false,
    error: null,
    saving: false,

    load: async () => {
      try {
        const [settings, info] = await Promise.all([
          api.invoke('settings.get', {}),
          api.invoke('app.info', {}),
        ]);
        applyLanguage(settings.language);
        set({ language: settings.language, info, loaded: true, error: null });
      } catch (error) {
        set({ error: toApiError(error) });
      }
    },

    setLanguage: async (language) => {
      // Optimistic: the radio button and the UI switch at once; a failed save puts the old choice back.
      const previous = get().language;
      applyLanguage(language);
      set({ language, saving: true });
      try {
        const settings = await api.invoke('settings.update', { language });
        applyLanguage(settings.language);
        set({ language: settings.language, saving: false });
      } catch (error) {
        applyLanguage(previous);
        set({ language: previous, saving: false });
        showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
      }
    },
  }));
}

export function useSettingsStore<T>(selector: (state: SettingsState) => T): T {
  return useStore(useAppStores().settings, selector);
}
