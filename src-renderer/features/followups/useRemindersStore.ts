import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Door } from '../../../src-shared/contract';
import type { ApiClient } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { mergeNotices, noticesFor, type ReminderNotice } from './reminderNotices';

/** How many notices stay on screen; older ones are on the Today page anyway. */
const MAX_NOTICES = 5;

export interface RemindersState {
  notices: ReminderNotice[];
  dismiss: (key: string) => void;
  /** The task was done or snoozed elsewhere: its notice has nothing left to ask. */
  settle: (taskId: number) => void;
}

export interface ReminderOutlet {
  /** Which door the page runs behind; unknown until app.info answered. */
  door: () => Door | undefined;
  /** Raises the browser notification when the owner allowed it (see browserNotifications.ts). */
  notify: (notice: ReminderNotice, door: Door | undefined) => void;
}

/** The reminders the backend pushes (`reminders.due`), as in-page notices until acted on. */
export function createRemindersStore(api: ApiClient, outlet: ReminderOutlet) {
  let batch = 0;
  const store = createStore<RemindersState>()((set, get) => ({
    notices: [],
    dismiss: (key) => set({ notices: get().notices.filter((notice) => notice.key !== key) }),
    settle: (taskId) =>
      set({
        notices: get().notices.filter(
          (notice) => notice.kind !== 'reminder' || notice.reminder.taskId !== taskId,
        ),
      }),
  }));
  api.onEvent((event) => {
    if (event.type !== 'reminders.due') return;
    const added = noticesFor(event.payload, ++batch);
    store.setState({ notices: mergeNotices(store.getState().notices, added).slice(-MAX_NOTICES) });
    for (const notice of added) outlet.notify(notice, outlet.door());
  });
  return store;
}

export function useRemindersStore<T>(selector: (state: RemindersState) => T): T {
  return useStore(useAppStores().reminders, selector);
}
