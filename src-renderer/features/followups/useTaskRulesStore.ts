import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ChannelInput, TaskRule } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';

/** The automation rules of Settings → Follow-ups. */
export interface TaskRulesState {
  rules: TaskRule[];
  loaded: boolean;
  error: ApiError | null;
  load: () => Promise<void>;
  /** These reject with an ApiError so a rule's row can show issues at its fields. */
  create: (input: ChannelInput<'taskRules.create'>) => Promise<void>;
  update: (id: number, patch: ChannelInput<'taskRules.update'>['patch']) => Promise<void>;
  remove: (rule: TaskRule) => Promise<void>;
}

export function createTaskRulesStore(api: ApiClient) {
  let latest = 0;
  return createStore<TaskRulesState>()((set, get) => {
    const load = async () => {
      const request = ++latest;
      try {
        const rules = await api.invoke('taskRules.list', {});
        if (request === latest) set({ rules, loaded: true, error: null });
      } catch (error) {
        if (request === latest) set({ error: toApiError(error) });
      }
    };
    const replace = (rule: TaskRule) => set({ rules: get().rules.map((r) => (r.id === rule.id ? rule : r)) });
    return {
      rules: [],
      loaded: false,
      error: null,
      load,
      create: async (input) => {
        await api.invoke('taskRules.create', input);
        showToast({ message: 'followups.rules.added' });
        await load();
      },
      update: async (id, patch) => {
        replace(await api.invoke('taskRules.update', { id, patch }));
        showToast({ message: 'settings.saved' });
      },
      remove: async (rule) => {
        try {
          await api.invoke('taskRules.delete', { id: rule.id });
          showToast({ message: 'followups.rules.deleted' });
          await load();
        } catch (error) {
          showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
        }
      },
    };
  });
}

export function useTaskRulesStore<T>(selector: (state: TaskRulesState) => T): T {
  return useStore(useAppStores().taskRules, selector);
}
