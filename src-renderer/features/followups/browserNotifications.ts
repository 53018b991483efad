import { create } from 'zustand';
import type { Door } from '../../../src-shared/contract';
import { hrefFor } from '../../app/useRouteStore';
import { useI18n } from '../../i18n/useI18n';
import { reminderDueLabel } from './dueDays';
import { wantsBrowserNotification, type ReminderNotice } from './reminderNotices';

export type NotificationPermissionState = 'default' | 'denied' | 'granted' | 'unsupported';

const current = (): NotificationPermissionState =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

interface PermissionState {
  permission: NotificationPermissionState;
  /** Asks the browser; only ever from the owner's click (browsers ignore or punish asking on load). */
  ask: () => Promise<void>;
}

export const useNotificationPermission = create<PermissionState>()((set) => ({
  permission: current(),
  ask: async () => {
    if (typeof Notification === 'undefined') return;
    set({ permission: await Notification.requestPermission() });
  },
}));

/** Where a notice leads: the customer it is about, else the Today page. */
export function noticeHref(notice: ReminderNotice): string {
  return notice.kind === 'reminder' && notice.reminder.customerId !== null
    ? hrefFor('customer', notice.reminder.customerId)
    : hrefFor('today');
}

/**
 * The browser's own notification for a notice, when wantsBrowserNotification says so; a click
 * brings the tab forward on the customer (or Today). Tagged by task, so a snoozed reminder that
 * comes back replaces its old notification.
 */
export function notifyInBrowser(notice: ReminderNotice, door: Door | undefined): void {
  const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
  if (!wantsBrowserNotification(door, current(), hidden)) return;
  const { t, locale } = useI18n.getState();
  const notification =
    notice.kind === 'missed'
      ? new Notification(t('followups.notice.missed', { count: notice.count }), { tag: 'missed' })
      : new Notification(notice.reminder.title, {
          tag: `task-${notice.reminder.taskId}`,
          body: [
            notice.reminder.customerName,
            reminderDueLabel(notice.reminder.dueAt, notice.reminder.allDay, locale),
          ]
            .filter(Boolean)
            .join(' · '),
        });
  notification.onclick = () => {
    window.focus();
    window.location.hash = noticeHref(notice);
    notification.close();
  };
}
