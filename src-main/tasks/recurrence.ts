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

type RuleOptions = ReturnType<typeof RRule.parseString>;
const asList = (value: number | number[] | null | undefined) =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Month ends (decision 48): "monthly on the 31st" is due on the last day of a shorter month, and
 * "yearly on 29 February" on the 28th in common years, where RFC 5545 would skip those months
 * and years: a follow-up that silently does not come is the failure this app exists to avoid.
 * The owner's rule is stored as written (the form reads it back); only its expansion, and the
 * .ics export, use the equivalent "last of days 28…31" rule (BYMONTHDAY=28,…,31;BYSETPOS=-1).
 */
function withMonthEnds(options: RuleOptions, seriesStart: string): RuleOptions {
  const plain =
    options.bysetpos === undefined &&
    options.byweekday === undefined &&
    options.byyearday === undefined &&
    options.byweekno === undefined;
  if (!plain) return options;
  const startDay = Number(seriesStart.slice(8, 10));
  const days = asList(options.bymonthday);
  if (options.freq === RRule.MONTHLY && options.bymonth === undefined) {
    const day = days.length === 0 ? startDay : days.length === 1 ? days[0]! : 0;
    return day > 28 ? { ...options, bymonthday: range(28, day), bysetpos: -1 } : options;
  }
  const months = asList(options.bymonth);
  const startsLeapDay = seriesStart.slice(5) === '02-29';
  if (
    options.freq === RRule.YEARLY &&
    (days.length === 0 ? startsLeapDay : days.length === 1 && days[0] === 29) &&
    (months.length === 0 ? startsLeapDay : months.length === 1 && months[0] === 2)
  ) {
    return { ...options, bymonth: 2, bymonthday: [28, 29], bysetpos: -1 };
  }
  return options;
}

/**
 * The rule's options as SoloCRM means them. `UNTIL=20260305` (a day, as people and other
 * calendars write it) includes that day: the library reads it as midnight, which would drop
 * the last occurrence of a task due at 09:00.
 */
function ruleOptions(text: string, seriesStart: string): RuleOptions {
  const options = withMonthEnds(RRule.parseString(text), seriesStart);
  const untilDay = /UNTIL=(\d{4})(\d{2})(\d{2})(?!T)/i.exec(text);
  if (untilDay) {
    const [, year, month, day] = untilDay;
    options.until = new Date(`${year}-${month}-${day}T23:59:59Z`);
  }
  return options;
}

/** The series as the library expands it, from its first due day (and time) in floating time. */
function seriesRule(text: string, seriesStart: string, time: string | null) {
  return new RRule({ ...ruleOptions(text, seriesStart), dtstart: floating(seriesStart, time ?? '00:00') });
}

/** The rule as a calendar app must read it to agree with SoloCRM on month ends and UNTIL (the .ics export). */
export function calendarRule(text: string, seriesStart: string): string {
  return RRule.optionsToString(ruleOptions(text, seriesStart)).replace(/^RRULE:/, '');
}

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
  const next = seriesRule(text, seriesStart, time).after(floating(current, time ?? '00:00'), false);
  return next ? dayOf(next) : null;
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
  const first = seriesRule(text, seriesStart, time).after(floating(from, time ?? '00:00'), true);
  if (!first) return dates;
  let current: string | null = dayOf(first);
  while (current !== null && current <= to && dates.length < limit) {
    dates.push(current);
    current = nextDueDate(text, seriesStart, time, current);
  }
  return dates;
}
