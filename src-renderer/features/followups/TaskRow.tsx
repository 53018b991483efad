import { useState } from 'react';
import type { Task } from '../../../src-shared/contract';
import { hrefFor } from '../../app/useRouteStore';
import { useDealEditorStore } from '../pipeline/useDealEditorStore';
import { dueText, repeatText, useTaskFormat } from './taskFormat';
import { useFollowUpsStore } from './useFollowUpsStore';

interface TaskRowProps {
  task: Task;
  /** The server's today, so "Today"/"Tomorrow" agree with the sections. */
  today: string;
  /** Lists inside a customer's page or a deal leave out what the page already says. */
  hide?: { customer?: boolean; deal?: boolean };
  /** The occurrence a completed recurring task just made. */
  fresh?: boolean;
}

/** One follow-up: done checkbox, what (click to edit) and for whom, when, and snooze / reschedule. */
export function TaskRow({ task, today, hide = {}, fresh }: TaskRowProps) {
  const { t, locale } = useTaskFormat();
  const complete = useFollowUpsStore((s) => s.complete);
  const askSnooze = useFollowUpsStore((s) => s.askSnooze);
  const askReschedule = useFollowUpsStore((s) => s.askReschedule);
  const askEdit = useFollowUpsStore((s) => s.askEdit);
  const openDeal = useDealEditorStore((s) => s.open);
  // Ticked at once; the row leaves when the list reloads (or comes back unticked if refused).
  const [ticking, setTicking] = useState(false);
  const repeat = repeatText(t, task.rrule, locale);
  const titleId = `task-${task.id}-title`;

  return (
    <li
      className={`task-row${task.overdue ? ' task-overdue' : ''}${fresh ? ' task-fresh' : ''}`}
      aria-labelledby={titleId}
    >
      <input
        type="checkbox"
        className="task-check"
        checked={ticking}
        disabled={ticking}
        aria-label={t('followups.row.complete', { title: task.title })}
        onChange={() => {
          setTicking(true);
          void complete(task).finally(() => setTicking(false));
        }}
      />
      <div className="task-main">
        {/* The title opens the edit dialog; its text stays the row's name. */}
        <button
          type="button"
          id={titleId}
          className="link-button task-title"
          title={t('followups.row.edit')}
          onClick={() => askEdit(task)}
        >
          {task.title}
        </button>
        {fresh ? <span className="task-tag">{t('followups.row.next')}</span> : null}
        <span className="task-facts">
          <span className={task.overdue ? 'task-due-overdue' : undefined}>
            {dueText(t, task, today, locale)}
          </span>
          {task.customerId !== null && !hide.customer ? (
            <a href={hrefFor('customer', task.customerId)}>{task.customerName}</a>
          ) : null}
          {task.dealId !== null && task.dealTitle !== null && !hide.deal ? (
            <button type="button" className="link-button" onClick={() => void openDeal(task.dealId!)}>
              {t('followups.row.deal', { title: task.dealTitle })}
            </button>
          ) : null}
          {task.priority !== 'normal' ? (
            <span className={`task-priority task-priority-${task.priority}`}>
              {t(`followups.priority.${task.priority}`)}
            </span>
          ) : null}
          {repeat ? <span className="task-repeat">{repeat}</span> : null}
        </span>
      </div>
      <div
        className="task-actions"
        role="group"
        aria-label={t('followups.row.actions', { title: task.title })}
      >
        <button type="button" className="button button-small" onClick={() => askSnooze(task)}>
          {t('followups.row.snooze')}
        </button>
        <button type="button" className="button button-small" onClick={() => askReschedule(task)}>
          {t('followups.row.reschedule')}
        </button>
      </div>
    </li>
  );
}
