import type { DueTasks, SnoozePreset, Task } from '../../src-shared/contract';
import type { Phrase } from './phrases';

/**
 * The tray's content as plain data, built from the due list: the Electron adapter turns it into
 * a Menu and a tooltip, and tests check it without Electron. Actions name what a click does;
 * the adapter dispatches them.
 */
export type TrayAction =
  | { type: 'openTask'; taskId: number; customerId: number | null }
  | { type: 'complete'; taskId: number }
  | { type: 'snooze'; taskId: number; preset: SnoozePreset }
  | { type: 'openToday' }
  | { type: 'quickLog' }
  | { type: 'openApp' }
  | { type: 'quit' };

export type TrayItem =
  | { kind: 'header'; label: string }
  | { kind: 'action'; label: string; action: TrayAction }
  | { kind: 'submenu'; label: string; items: TrayItem[] }
  | { kind: 'separator' };

export interface TrayModel {
  tooltip: string;
  /** Shown on the icon (macOS title, Windows overlay): due today + overdue; '' when none. */
  badge: string;
  items: TrayItem[];
}

/** A menu longer than this is unreadable; the rest is "N more…" opening the Today page. */
const MAX_TASKS_PER_SECTION = 8;

const SNOOZE_PRESETS: {
  preset: SnoozePreset;
  key: 'snooze10m' | 'snooze1h' | 'snoozeTomorrow' | 'snoozeNextWeek';
}[] = [
  { preset: '10m', key: 'snooze10m' },
  { preset: '1h', key: 'snooze1h' },
  { preset: 'tomorrow', key: 'snoozeTomorrow' },
  { preset: 'next_week', key: 'snoozeNextWeek' },
];

function taskLabel(task: Task): string {
  const when = task.dueTime ?? task.dueDate.slice(5);
  return task.customerName ? `${when}  ${task.title} · ${task.customerName}` : `${when}  ${task.title}`;
}

function taskItem(task: Task, phrase: Phrase, remindTime: string): TrayItem {
  return {
    kind: 'submenu',
    label: taskLabel(task),
    items: [
      {
        kind: 'action',
        label: phrase('trayOpenTask'),
        action: { type: 'openTask', taskId: task.id, customerId: task.customerId },
      },
      { kind: 'action', label: phrase('trayDone'), action: { type: 'complete', taskId: task.id } },
      {
        kind: 'submenu',
        label: phrase('traySnooze'),
        items: SNOOZE_PRESETS.map(({ preset, key }) => ({
          kind: 'action' as const,
          label: phrase(key, { time: remindTime }),
          action: { type: 'snooze' as const, taskId: task.id, preset },
        })),
      },
    ],
  };
}

function section(label: string, tasks: readonly Task[], phrase: Phrase, remindTime: string): TrayItem[] {
  if (tasks.length === 0) return [];
  const shown = tasks.slice(0, MAX_TASKS_PER_SECTION).map((task) => taskItem(task, phrase, remindTime));
  const rest = tasks.length - shown.length;
  return [
    { kind: 'header', label: `${label} (${tasks.length})` },
    ...shown,
    ...(rest > 0
      ? [
          {
            kind: 'action' as const,
            label: phrase('trayMore', { count: rest }),
            action: { type: 'openToday' as const },
          },
        ]
      : []),
    { kind: 'separator' },
  ];
}

export function buildTrayModel(due: DueTasks, phrase: Phrase, remindTime: string): TrayModel {
  const count = due.overdue.length + due.dueToday.length;
  return {
    tooltip: count > 0 ? phrase('trayTooltip', { count }) : phrase('trayTooltipNone'),
    badge: count > 0 ? String(count) : '',
    items: [
      ...section(phrase('trayOverdue'), due.overdue, phrase, remindTime),
      ...section(phrase('trayToday'), due.dueToday, phrase, remindTime),
      { kind: 'action', label: phrase('trayQuickLog'), action: { type: 'quickLog' } },
      { kind: 'action', label: phrase('trayOpenApp'), action: { type: 'openApp' } },
      { kind: 'separator' },
      { kind: 'action', label: phrase('trayQuit'), action: { type: 'quit' } },
    ],
  };
}

/** The system notification for one reminder, or the one summary of those missed while closed. */
export function notificationsFor(
  reminders: readonly {
    taskId: number;
    title: string;
    customerId: number | null;
    customerName: string | null;
  }[],
  missed: number,
  phrase: Phrase,
): { title: string; body: string; action: TrayAction }[] {
  if (missed > 0) {
    return [
      {
        title: phrase('missedSummary', { count: missed }),
        body: reminders
          .map((r) => r.title)
          .slice(0, 5)
          .join('\n'),
        action: { type: 'openToday' },
      },
    ];
  }
  return reminders.map((reminder) => ({
    title: phrase('dueNow'),
    body: reminder.customerName ? `${reminder.title} · ${reminder.customerName}` : reminder.title,
    action: { type: 'openTask', taskId: reminder.taskId, customerId: reminder.customerId },
  }));
}
