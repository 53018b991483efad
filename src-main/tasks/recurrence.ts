import rrule from 'rrule';
import { invalidFields } from '../core/errors';

// rrule ships CommonJS; its named exports are not visible to Node's ESM loader.
const { RRule } = rrule;

/**
 * Recurring follow-ups: an RRULE (RFC 5545) expanded with the rrule library in *floating* time:
 * the series' first due day and time are given to the library as if they were UTC, so what it
 * returns are wall-clock days and times, untouched by daylight saving; zonedTime.ts turns each
 * into an instant in the task's zone.
 */

/** Reminders more often than daily are what the owner complained of in other CRMs. */
const ALLOWED_FREQUENCIES = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]);

/** Parses and checks an RRULE body; VALIDATION naming `path` when the library or we refuse it. */
export function parseRrule(text: string, path: string): void {
  const refuse = (message: string) => invalidFields([{ path, code: 'invalid', message }]);
  if (/DTSTART|TZID/i.test(text)) throw refuse('Give the rule only (FREQ=…); the start is the due date');
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(text);
  } catch (error) {
    throw refuse(`Not a valid repeat rule: ${(error as Error).message}`);
  }
  if (options.freq === undefined || !ALLOWED_FREQUENCIES.has(options.freq)) {
    throw refuse('Repeat daily, weekly, monthly or yearly (FREQ=DAILY|WEEKLY|MONTHLY|YEARLY)');
  }
  if (options.interval !== undefined && (options.interval < 1 || options.interval > 1000)) {
    throw refuse('INTERVAL must be between 1 and 1000');
  }
  try {
    // The library accepts some nonsense in parseString and throws only when expanding.
    new RRule({ ...options, dtstart: new Date(Date.UTC(2026, 0, 1)) }).after(
      new Date(Date.UTC(2026, 0, 1)),
      true,
    );
  } catch (error) {
    throw refuse(`Not a valid repeat rule: ${(error as Error).message}`);
  }
}

const floating = (date: string, time: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
};

const pad = (value: number) => String(value).padStart(2, '0');
/** The wall-clock day of a floating date. */
const dayOf = (date: Date) =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/**
 * The due day of the occurrence after the one due on `current`, for a series that started on
 * `seriesStart` at `time` (an all-day series uses 00:00); null when the series has ended
 * (COUNT reached or past UNTIL).
 */
export function nextDueDate(
  text: string,
  seriesStart: string,
  time: string | null,
  current: string,
): string | null {
  const rule = new RRule({ ...RRule.parseString(text), dtstart: floating(seriesStart, time ?? '00:00') });
  const next = rule.after(floating(current, time ?? '00:00'), false);
  if (!next) return null;
  return dayOf(next);
}

/** Every due day of the series from `from` through `to` (inclusive), at most `limit`: for tests and previews. */
export function dueDatesBetween(
  text: string,
  seriesStart: string,
  time: string | null,
  from: string,
  to: string,
  limit = 366,
): string[] {
  const dates: string[] = [];
  const first = new RRule({
    ...RRule.parseString(text),
    dtstart: floating(seriesStart, time ?? '00:00'),
  }).after(floating(from, time ?? '00:00'), true);
  if (!first) return dates;
  let current: string | null = dayOf(first);
  while (current !== null && current <= to && dates.length < limit) {
    dates.push(current);
    current = nextDueDate(text, seriesStart, time, current);
  }
  return dates;
}
