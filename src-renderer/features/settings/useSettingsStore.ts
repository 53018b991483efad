import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { AppInfo, ChannelInput, Language, Settings } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';
import { resolveLocale } from '../../i18n/locale';
import { useI18n } from '../../i18n/useI18n';

export interface SettingsState {
  /** The saved choice; null means "follow the system". */
  language: Language | null;
  /** Everything saved (lists, defaults); null until the first load. */
  settings: Settings | null;
  info: AppInfo | null;
  loaded: boolean;
  error: ApiError | null;
  saving: boolean;
  /** Settings and app info; the app shell waits for this before its first paint. */
  load: () => Promise<void>;
  setLanguage: (language: Language | null) => Promise<void>;
  /** Saves part of the settings; rejects with an ApiError so a form can show issues at its fields. */
  update: (patch: ChannelInput<'settings.update'>) => Promise<Settings>;
}

/** The settings store owns the UI locale: whatever is saved decides it, the system language fills in. */
function applyLanguage(language: Language | null): void {
  useI18n.getState().setLocale(resolveLocale(language, navigator.language));
}

export function createSettingsStore(api: ApiClient) {
  return createStore<SettingsState>()((set, get) => ({
    language: null,
    settings: null,
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
        set({ language: settings.language, settings, info, loaded: true, error: null });
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
        set({ language: settings.language, settings, saving: false });
      } catch (error) {
        applyLanguage(previous);
        set({ language: previous, saving: false });
        showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
      }
    },

    update: async (patch) => {
      const settings = await api.invoke('settings.update', patch);
      set({ settings });
      showToast({ message: 'settings.saved' });
      return settings;
    },
  }));
}

export function useSettingsStore<T>(selector: (state: SettingsState) => T): T {
  return useStore(useAppStores().settings, selector);
}
