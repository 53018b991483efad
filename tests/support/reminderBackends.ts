import { onTestFinished } from 'vitest';
import type { PushEvent } from '../../src-shared/contract';
import { caller } from './envelopes';
import { manualTimers } from './manualTimers';
import { fakeClock, openTempBackend, tempDir } from './tempBackend';

type ReminderPayload = Extract<PushEvent, { type: 'reminders.due' }>['payload'];

/** One 'reminders.due' event and the window (backend) that announced it. */
export interface Delivery extends ReminderPayload {
  window: string;
}

/** Monday 2 March 2026, 08:00 in Berlin (07:00 UTC). */
export const MONDAY_8AM_BERLIN = Date.UTC(2026, 2, 2, 7, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/**
 * A data folder whose backends deliver reminders on the fake clock and fake timers: `open`
 * starts SoloCRM (a window, or the app after a restart) on the same file; every delivery is
 * recorded with the window that made it.
 */
export function reminderBackends(options: { zone?: string; start?: number } = {}) {
  const dir = tempDir();
  const clock = fakeClock(options.start ?? MONDAY_8AM_BERLIN);
  const manual = manualTimers(clock);
  const deliveries: Delivery[] = [];
  const open = (window = 'main') => {
    const handle = openTempBackend({
      dir,
      clock,
      reminders: true,
      timers: manual.timers,
      timeZone: options.zone ?? 'Europe/Berlin',
    });
    handle.backend.subscribe((event) => {
      if (event.type === 'reminders.due') deliveries.push({ window, ...event.payload });
    });
    let open = true;
    const close = () => {
      if (open) handle.backend.close();
      open = false;
    };
    onTestFinished(close);
    return { backend: handle.backend, call: caller(() => handle.backend), close };
  };
  /** How many times each task's reminder was delivered, over every window. */
  const deliveredTimes = (taskId: number) =>
    deliveries.flatMap((delivery) => delivery.reminders).filter((r) => r.taskId === taskId).length;
  return { dir, clock, advance: manual.advance, deliveries, deliveredTimes, open };
}
