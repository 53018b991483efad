import type { ParsedInput } from '../../src-shared/contract';
import { invalidFields } from '../core/errors';
import { addDays, wallAt, zonedInstant } from './zonedTime';

const MINUTE_MS = 60_000;

/**
 * When a snoozed reminder comes back: 10 minutes or an hour from now, tomorrow at the reminder
 * time (Settings, 09:00), next week = the coming Monday at that time, or the owner's own instant
 * (which must be in the future).
 */
export function snoozeUntil(
  input: Pick<ParsedInput<'tasks.snooze'>, 'preset' | 'until'>,
  now: number,
  timeZone: string,
  remindTime: string,
): number {
  if ((input.preset === undefined) === (input.until === undefined)) {
    throw invalidFields([
      { path: 'preset', code: 'required', message: 'Give either a preset or an instant' },
    ]);
  }
  const today = wallAt(now, timeZone).date;
  switch (input.preset) {
    case '10m':
      return now + 10 * MINUTE_MS;
    case '1h':
      return now + 60 * MINUTE_MS;
    case 'tomorrow':
      return zonedInstant(addDays(today, 1), remindTime, timeZone);
    case 'next_week': {
      // getUTCDay of the calendar date: 0 = Sunday; the next Monday is 1–7 days ahead.
      const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
      return zonedInstant(addDays(today, (8 - weekday) % 7 || 7), remindTime, timeZone);
    }
    case undefined: {
      const until = Date.parse(input.until!);
      if (until <= now) {
        throw invalidFields([
          { path: 'until', code: 'invalid', message: 'Snooze until a time in the future' },
        ]);
      }
      return until;
    }
  }
}
