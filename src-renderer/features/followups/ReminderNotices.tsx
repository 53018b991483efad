import { useShallow } from 'zustand/react/shallow';
import type { Reminder } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { noticeHref } from './browserNotifications';
import { reminderDueLabel } from './dueDays';
import type { ReminderNotice } from './reminderNotices';
import { useTaskFormat } from './taskFormat';
import { useFollowUpsStore } from './useFollowUpsStore';
import { useRemindersStore } from './useRemindersStore';

function ReminderItem({ notice, reminder }: { notice: ReminderNotice; reminder: Reminder }) {
  const { t, locale } = useTaskFormat();
  const { complete, snooze } = useFollowUpsStore(
    useShallow((s) => ({ complete: s.complete, snooze: s.snooze })),
  );
  const dismiss = useRemindersStore((s) => s.dismiss);
  const task = { id: reminder.taskId, title: reminder.title };
  const headingId = `${notice.key}-title`;
  return (
    <li className="reminder" role="group" aria-labelledby={headingId}>
      <p className="reminder-kicker">{t('followups.notice.due')}</p>
      <p id={headingId} className="reminder-title">
        {reminder.title}
      </p>
      <p className="reminder-facts">
        {[reminder.customerName, reminderDueLabel(reminder.dueAt, reminder.allDay, locale)]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <div className="reminder-actions">
        <a className="button button-small" href={noticeHref(notice)} onClick={() => dismiss(notice.key)}>
          {t('followups.notice.open')}
        </a>
        <button
          type="button"
          className="button button-small button-primary"
          onClick={() => void complete(task)}
        >
          {t('followups.notice.done')}
        </button>
        <button type="button" className="button button-small" onClick={() => void snooze(task, '10m')}>
          {t('followups.notice.snooze10')}
        </button>
      </div>
      <DismissButton notice={notice} />
    </li>
  );
}

function DismissButton({ notice }: { notice: ReminderNotice }) {
  const t = useT();
  const dismiss = useRemindersStore((s) => s.dismiss);
  return (
    <button
      type="button"
      className="icon-button reminder-dismiss"
      aria-label={t('common.dismiss')}
      onClick={() => dismiss(notice.key)}
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}

/**
 * The reminders pushed by the backend, top right, until the owner acts on them (they do not time
 * out like toasts: a reminder nobody saw did not remind). Announced by screen readers as they come.
 */
export function ReminderNotices() {
  const t = useT();
  const notices = useRemindersStore((s) => s.notices);
  const dismiss = useRemindersStore((s) => s.dismiss);
  return (
    <section className="reminders" aria-label={t('followups.notice.region')}>
      <ol aria-live="assertive">
        {notices.map((notice) =>
          notice.kind === 'reminder' ? (
            <ReminderItem key={notice.key} notice={notice} reminder={notice.reminder} />
          ) : (
            <li key={notice.key} className="reminder" role="group" aria-labelledby={`${notice.key}-title`}>
              <p id={`${notice.key}-title`} className="reminder-title">
                {t('followups.notice.missed', { count: notice.count })}
              </p>
              <div className="reminder-actions">
                <a
                  className="button button-small"
                  href={noticeHref(notice)}
                  onClick={() => dismiss(notice.key)}
                >
                  {t('followups.notice.openToday')}
                </a>
              </div>
              <DismissButton notice={notice} />
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
