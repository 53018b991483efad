import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ChannelInput, DownloadFile, DueTasks, Task } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';
import { useI18n } from '../../i18n/useI18n';
import { dayLabel, snoozeInput, type SnoozeChoice } from './dueDays';
import type { TaskSeed } from './taskForm';

/**
 * Follow-ups as the Today page and the navigation count see them (tasks.due), and what any page
 * does to one task: complete, snooze, reschedule, edit, create. Every change reaches every list through
 * the `data.changed` push (refetchOnPush), so actions only talk to the server and say what happened.
 */
export interface FollowUpsState {
  due: DueTasks | null;
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  /** The occurrence a completed recurring task made, marked on the page until the next action. */
  nextId: number | null;
  /** The open dialogs (mounted once in TaskDialogs, like the deal dialogs). */
  creating: TaskSeed | null;
  snoozing: Task | null;
  rescheduling: Task | null;
  editing: Task | null;
  load: () => Promise<void>;
  complete: (task: Pick<Task, 'id' | 'title'>) => Promise<void>;
  /** Resolves false when the server refused (the dialog stays open and says why in a toast). */
  snooze: (task: Pick<Task, 'id' | 'title'>, choice: SnoozeChoice) => Promise<boolean>;
  /** Rejects with an ApiError so the reschedule form can show issues at its fields. */
  reschedule: (id: number, patch: ChannelInput<'tasks.update'>['patch']) => Promise<Task>;
  /** Sends what the edit form changed (nothing to send closes it); rejects like reschedule. */
  edit: (task: Pick<Task, 'id' | 'title'>, patch: ChannelInput<'tasks.update'>['patch']) => Promise<void>;
  create: (input: ChannelInput<'tasks.create'>) => Promise<Task>;
  exportIcs: () => Promise<DownloadFile | null>;
  startNew: (seed: TaskSeed) => void;
  askSnooze: (task: Task | null) => void;
  askReschedule: (task: Task | null) => void;
  askEdit: (task: Task | null) => void;
  cancelNew: () => void;
}

const toastError = (error: unknown) =>
  showToast({ tone: 'error', message: `error.${toApiError(error).code}` });

/**
 * `settled` hears of every task done or snoozed here, so its reminder notice (useRemindersStore)
 * goes away whichever page the owner acted from.
 */
export function createFollowUpsStore(api: ApiClient, settled: (taskId: number) => void = () => {}) {
  let latest = 0;
  return createStore<FollowUpsState>()((set) => ({
    due: null,
    loaded: false,
    loading: false,
    error: null,
    nextId: null,
    creating: null,
    snoozing: null,
    rescheduling: null,
    editing: null,

    load: async () => {
      const request = ++latest;
      set({ loading: true });
      try {
        const due = await api.invoke('tasks.due', {});
        if (request === latest) set({ due, loaded: true, loading: false, error: null });
      } catch (error) {
        if (request === latest) set({ loading: false, error: toApiError(error) });
      }
    },

    complete: async (task) => {
      try {
        const { next } = await api.invoke('tasks.complete', { id: task.id });
        settled(task.id);
        set({ nextId: next?.id ?? null });
        showToast({
          message: next ? 'followups.toast.doneNext' : 'followups.toast.done',
          params: { title: task.title, date: next ? dayLabel(next.dueDate, useI18n.getState().locale) : '' },
          action: {
            label: 'common.undo',
            run: async () => {
              try {
                await api.invoke('tasks.reopen', { id: task.id });
              } catch (error) {
                toastError(error);
              }
            },
          },
        });
      } catch (error) {
        toastError(error);
      }
    },

    snooze: async (task, choice) => {
      const input = snoozeInput(task.id, choice);
      if (input === null) return false;
      try {
        const saved = await api.invoke('tasks.snooze', input);
        settled(task.id);
        set({ snoozing: null });
        showToast({
          message: 'followups.toast.snoozed',
          params: {
            title: task.title,
            until: saved.remindAt ? useI18n.getState().formatDateTime(saved.remindAt) : '',
          },
        });
        return true;
      } catch (error) {
        toastError(error);
        return false;
      }
    },

    reschedule: async (id, patch) => {
      const task = await api.invoke('tasks.update', { id, patch });
      set({ rescheduling: null });
      showToast({ message: 'followups.toast.rescheduled', params: { title: task.title } });
      return task;
    },

    edit: async (task, patch) => {
      if (Object.keys(patch).length > 0) {
        const saved = await api.invoke('tasks.update', { id: task.id, patch });
        showToast({ message: 'followups.toast.saved', params: { title: saved.title } });
      }
      set({ editing: null });
    },

    create: async (input) => {
      const task = await api.invoke('tasks.create', input);
      set({ creating: null, nextId: null });
      showToast({ message: 'followups.toast.created', params: { title: task.title } });
      return task;
    },

    exportIcs: async () => {
      try {
        return await api.invoke('tasks.ics', { status: 'open' });
      } catch (error) {
        toastError(error);
        return null;
      }
    },

    startNew: (seed) => set({ creating: seed }),
    askSnooze: (task) => set({ snoozing: task }),
    askReschedule: (task) => set({ rescheduling: task }),
    askEdit: (task) => set({ editing: task }),
    cancelNew: () => set({ creating: null }),
  }));
}

export function useFollowUpsStore<T>(selector: (state: FollowUpsState) => T): T {
  return useStore(useAppStores().followUps, selector);
}
