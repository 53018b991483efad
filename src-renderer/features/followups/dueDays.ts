import type { ChannelInput, SnoozePreset, Task } from '../../../src-shared/contract';

/**
 * Calendar arithmetic and labels for follow-ups. Days are `YYYY-MM-DD` wall-clock dates (the
 * server decides which day is today); they are computed in UTC so no time zone can shift them.
 */

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** When a task is due, in words the row shows: a relative day where there is one, the time if any. */
export interface DueLabel {
  relative: 'yesterday' | 'today' | 'tomorrow' | null;
  /** The weekday and date in the locale ("Mon, Feb 3" / "2月3日周一"). */
  date: string;
  /** The due time in the locale ("2:30 PM" / "14:30"); null = all day. */
  time: string | null;
}

export function dueLabel(task: Pick<Task, 'dueDate' | 'dueTime'>, today: string, locale: string): DueLabel {
  const relative =
    task.dueDate === today
      ? 'today'
      : task.dueDate === addDays(today, 1)
        ? 'tomorrow'
        : task.dueDate === addDays(today, -1)
          ? 'yesterday'
          : null;
  return {
    relative,
    date: dayLabel(task.dueDate, locale),
    time: task.dueTime === null ? null : wallTimeLabel(task.dueTime, locale),
  };
}

/** A calendar day with its weekday in the locale ("Mon, Feb 3" / "2月3日周一"). */
export function dayLabel(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** `HH:MM` in the locale's own style (12- or 24-hour). */
export function wallTimeLabel(time: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(`1970-01-01T${time}:00Z`),
  );
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as a `datetime-local` input's value, in this machine's zone (minutes precision). */
export function toLocalInput(instant: Date): string {
  return (
    `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}` +
    `T${pad(instant.getHours())}:${pad(instant.getMinutes())}`
  );
}

/** A `datetime-local` value (this machine's zone) as an ISO instant; null when it is not one. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.trim())) return null;
  const instant = new Date(value.trim());
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** The snooze menu's choices: the server's presets, or an instant the owner picked. */
export type SnoozeChoice = SnoozePreset | { until: string };

/** A snooze choice -> `tasks.snooze`'s input; null when the picked time is no time. */
export function snoozeInput(id: number, choice: SnoozeChoice): ChannelInput<'tasks.snooze'> | null {
  if (typeof choice === 'string') return { id, preset: choice };
  const until = localInputToIso(choice.until);
  return until === null ? null : { id, until };
}

/** A reminder's due instant in the locale: the date alone for an all-day task, else date and time. */
export function reminderDueLabel(dueAt: string, allDay: boolean, locale: string): string {
  return new Intl.DateTimeFormat(
    locale,
    allDay ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(new Date(dueAt));
}
