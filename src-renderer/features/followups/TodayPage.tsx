import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Task } from '../../../src-shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { PageStatus } from '../../components/PageStatus';
import { useT, type MessageKey } from '../../i18n/useI18n';
import { saveDownload } from '../imports/downloadFile';
import { useSettingsStore } from '../settings/useSettingsStore';
import { useNotificationPermission } from './browserNotifications';
import { TaskRow } from './TaskRow';
import { useFollowUpsStore } from './useFollowUpsStore';

function TaskSection({
  id,
  title,
  empty,
  tasks,
  today,
  nextId,
}: {
  id: string;
  title: MessageKey;
  empty: MessageKey;
  tasks: Task[];
  today: string;
  nextId: number | null;
}) {
  const t = useT();
  return (
    <section className="card today-section" aria-labelledby={id}>
      <div className="card-heading">
        <h2 id={id}>{t(title)}</h2>
        <span className="muted">{tasks.length}</span>
      </div>
      {tasks.length === 0 ? (
        <p className="muted">{t(empty)}</p>
      ) : (
        <ul className="task-list">
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} today={today} fresh={task.id === nextId} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Browser notifications, asked for only when the owner clicks (never on load). Electron shows
 * system notifications from its main process, so the desktop app offers nothing here.
 */
function NotificationPermission() {
  const t = useT();
  const door = useSettingsStore((s) => s.info?.door);
  const { permission, ask } = useNotificationPermission();
  if (door === 'electron' || permission === 'unsupported') return null;
  if (permission === 'granted') return <p className="hint">{t('followups.today.notifyOn')}</p>;
  if (permission === 'denied') return <p className="hint">{t('followups.today.notifyDenied')}</p>;
  return (
    <button type="button" className="button" onClick={() => void ask()}>
      {t('followups.today.notifyAsk')}
    </button>
  );
}

const SECTIONS: { key: 'overdue' | 'dueToday' | 'upcoming'; title: MessageKey; empty: MessageKey }[] = [
  { key: 'overdue', title: 'followups.section.overdue', empty: 'followups.section.emptyOverdue' },
  { key: 'dueToday', title: 'followups.section.today', empty: 'followups.section.emptyToday' },
  { key: 'upcoming', title: 'followups.section.upcoming', empty: 'followups.section.emptyUpcoming' },
];

/** Today (`#/today`): overdue, due today and the next 7 days, and a new follow-up. */
export function TodayPage() {
  const t = useT();
  const { due, loading, error, nextId, load, startNew, exportIcs } = useFollowUpsStore(
    useShallow((s) => ({
      due: s.due,
      loading: s.loading,
      error: s.error,
      nextId: s.nextId,
      load: s.load,
      startNew: s.startNew,
      exportIcs: s.exportIcs,
    })),
  );
  useEffect(() => void load(), [load]);

  return (
    <>
      <PageHeader
        title={t('nav.today')}
        subtitle={
          due
            ? t('followups.today.subtitle', { overdue: due.overdue.length, today: due.dueToday.length })
            : undefined
        }
        actions={
          <>
            <NotificationPermission />
            <button
              type="button"
              className="button"
              onClick={() => void exportIcs().then((file) => file && saveDownload(file))}
            >
              {t('followups.today.exportIcs')}
            </button>
            <button type="button" className="button button-primary" onClick={() => startNew({})}>
              {t('followups.today.new')}
            </button>
          </>
        }
      />
      {due ? (
        <div className="today">
          {SECTIONS.map(({ key, title, empty }) => (
            <TaskSection
              key={key}
              id={`today-${key}`}
              title={title}
              empty={empty}
              tasks={due[key]}
              today={due.today}
              nextId={nextId}
            />
          ))}
        </div>
      ) : (
        <PageStatus loading={loading} error={error} onRetry={() => void load()} />
      )}
    </>
  );
}
