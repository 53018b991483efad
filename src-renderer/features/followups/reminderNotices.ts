import type { Door, Reminder } from '../../../src-shared/contract';

/** What the page shows for a `reminders.due` push: one notice per reminder, or one summary. */
export type ReminderNotice =
  { key: string; kind: 'reminder'; reminder: Reminder } | { key: string; kind: 'missed'; count: number };

/**
 * A start after a long close must not bury the page under notices: when the backend says some
 * fell due while SoloCRM was closed, one summary stands for the whole batch (Today lists them).
 */
export function noticesFor(
  payload: { reminders: Reminder[]; missed: number },
  batch: number,
): ReminderNotice[] {
  if (payload.missed > 0) return [{ key: `missed-${batch}`, kind: 'missed', count: payload.missed }];
  return payload.reminders.map((reminder) => ({
    key: `reminder-${reminder.taskId}-${batch}`,
    kind: 'reminder',
    reminder,
  }));
}

/**
 * Adds new notices to those shown; a task that reminds again (snoozed, then due) replaces its old
 * notice instead of showing twice. The newest come last.
 */
export function mergeNotices(
  shown: readonly ReminderNotice[],
  added: readonly ReminderNotice[],
): ReminderNotice[] {
  const again = new Set(
    added.flatMap((notice) => (notice.kind === 'reminder' ? [notice.reminder.taskId] : [])),
  );
  const kept = shown.filter((notice) => notice.kind !== 'reminder' || !again.has(notice.reminder.taskId));
  return [...kept, ...added];
}

/**
 * Whether to also raise a browser notification: only where the owner allowed it, never in
 * Electron (its main process shows the system notification itself), and only while the page is
 * hidden — a visible page already shows the in-page notice.
 */
export function wantsBrowserNotification(
  door: Door | undefined,
  permission: 'default' | 'denied' | 'granted' | 'unsupported',
  hidden: boolean,
): boolean {
  return door !== undefined && door !== 'electron' && permission === 'granted' && hidden;
}
