import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Task } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';

/** Whose open follow-ups a short list shows: a customer's (their page) or a deal's (its dialog). */
export type TaskOwner = 'customerId' | 'dealId';

export interface TaskListState {
  ownerId: number | null;
  tasks: Task[];
  loaded: boolean;
  error: ApiError | null;
  /** Follows another customer or deal (or the same again); null when nobody looks at one. */
  show: (ownerId: number | null) => Promise<void>;
  load: () => Promise<void>;
}

const LIMIT = 100;

/** The open follow-ups of one customer or one deal, soonest first. */
export function createTaskListStore(api: ApiClient, owner: TaskOwner) {
  let latest = 0;
  return createStore<TaskListState>()((set, get) => {
    const load = async () => {
      const ownerId = get().ownerId;
      if (ownerId === null) return;
      const request = ++latest;
      try {
        const tasks = await api.invoke('tasks.list', { status: 'open', [owner]: ownerId, limit: LIMIT });
        if (request === latest) set({ tasks, loaded: true, error: null });
      } catch (error) {
        if (request === latest) set({ error: toApiError(error) });
      }
    };
    return {
      ownerId: null,
      tasks: [],
      loaded: false,
      error: null,
      load,
      show: async (ownerId) => {
        latest++;
        if (ownerId !== get().ownerId) set({ ownerId, tasks: [], loaded: false, error: null });
        await load();
      },
    };
  });
}

/** The list store of a customer's page or of the deal dialog. */
export function useTaskListStore<T>(owner: TaskOwner, selector: (state: TaskListState) => T): T {
  const stores = useAppStores();
  return useStore(owner === 'customerId' ? stores.customerTasks : stores.dealTasks, selector);
}
