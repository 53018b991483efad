import { invalidFields } from '../core/errors';
import { addDays, zonedInstant } from './zonedTime';

const MINUTE_MS = 60_000;

/**
 * The reminder instant: none when off; due + the owner's offset; else the due time, or the
 * reminder time (Settings, 09:00) on an all-day task's day.
 */
export function reminderInstant(
  reminds: boolean,
  offset: number | null,
  dueDate: string,
  dueTime: string | null,
  timeZone: string,
  dueAt: number,
  remindTime: () => string,
): number | null {
  if (!reminds) return null;
  if (offset !== null) return dueAt + offset;
  return dueTime !== null ? dueAt : zonedInstant(dueDate, remindTime(), timeZone);
}

/**
 * The owner's reminder as an offset from the due instant. A reminder after the due time makes
 * no sense on a timed task, nor after the due day on an all-day one.
 */
export function reminderOffset(
  remindAtIso: string,
  dueAt: number,
  dueDate: string,
  dueTime: string | null,
  timeZone: string,
  prefix: string,
): number {
  const remindAt = Math.floor(Date.parse(remindAtIso) / MINUTE_MS) * MINUTE_MS;
  const latest = dueTime !== null ? dueAt : zonedInstant(addDays(dueDate, 1), '00:00', timeZone) - MINUTE_MS;
  if (remindAt > latest) {
    throw invalidFields([
      {
        path: `${prefix}remindAt`,
        code: 'invalid',
        message:
          dueTime !== null ? 'The reminder is after the due time' : 'The reminder is after the due day',
      },
    ]);
  }
  return remindAt - dueAt;
}
