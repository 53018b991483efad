import { useEffect, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT, type MessageKey } from '../../i18n/useI18n';
import type { TaskSeed } from './taskForm';
import { TaskRow } from './TaskRow';
import { useFollowUpsStore } from './useFollowUpsStore';
import { useTaskListStore, type TaskOwner } from './useTaskListStore';

interface TaskListCardProps {
  owner: TaskOwner;
  ownerId: number;
  /** What a new follow-up from here starts with (the customer, the deal). */
  seed: TaskSeed;
  title: MessageKey;
  none: MessageKey;
  /** Extra controls under the heading (the customer's keep-in-touch cadence). */
  children?: ReactNode;
}

/** The open follow-ups of one customer (their page) or one deal (its dialog), and "New follow-up". */
export function TaskListCard({ owner, ownerId, seed, title, none, children }: TaskListCardProps) {
  const t = useT();
  const { tasks, loaded, show } = useTaskListStore(
    owner,
    useShallow((s) => ({ tasks: s.tasks, loaded: s.loaded && s.ownerId === ownerId, show: s.show })),
  );
  const today = useFollowUpsStore((s) => s.due?.today ?? '');
  const startNew = useFollowUpsStore((s) => s.startNew);
  useEffect(() => void show(ownerId), [ownerId, show]);
  // Leaving stops the list from following a customer or deal nobody looks at.
  useEffect(() => () => void show(null), [show]);
  const headingId = `${owner}-tasks-${ownerId}`;

  return (
    <section className="card task-card" aria-labelledby={headingId}>
      <div className="card-heading">
        <h2 id={headingId}>{t(title)}</h2>
        <button type="button" className="button" onClick={() => startNew(seed)}>
          {t('followups.today.new')}
        </button>
      </div>
      {children}
      {loaded && tasks.length === 0 ? <p className="muted">{t(none)}</p> : null}
      {tasks.length > 0 ? (
        <ul className="task-list">
          {tasks.map((task) => (
            <TaskRow
              key={task.id}
              task={task}
              today={today}
              hide={{ customer: owner === 'customerId', deal: owner === 'dealId' }}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
