import type { FieldIssue } from '../../../src-shared/contract';

/** RFC 5545 weekday codes, Monday first (the week the owner plans in). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const REPEAT_FREQUENCIES = ['none', 'daily', 'weekly', 'monthly', 'yearly'] as const;
export type RepeatFrequency = (typeof REPEAT_FREQUENCIES)[number];

/**
 * The repeat choice: a frequency, or `keep` — in the edit form only, for a rule the form cannot
 * show (written with the CLI, say), which stays as it is unless the owner picks another.
 */
export type RepeatChoice = RepeatFrequency | 'keep';

/** What the repeat part of the form holds, as typed (all text, like every quick form). */
export interface RepeatDraft {
  repeat: RepeatChoice;
  /** Every N days/weeks/months/years. */
  repeatInterval: string;
  /** Weekly: the chosen days, comma-separated codes ("MO,WE"). */
  repeatWeekdays: string;
  /** Monthly: on a day of the month, or on the last <weekday>. */
  repeatMonthly: 'day' | 'last';
  repeatMonthDay: string;
  repeatLastWeekday: Weekday;
  repeatEnds: 'never' | 'count' | 'until';
  repeatCount: string;
  repeatUntil: string;
}

export type RepeatField = Exclude<keyof RepeatDraft, 'repeatMonthly' | 'repeatEnds'>;

const MAX_INTERVAL = 99;
const MAX_COUNT = 999;

/** A whole number within [min, max], or null for anything else ("", "1.5", "3x"). */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

export function weekdaysOf(text: string): Weekday[] {
  const chosen = new Set(text.split(','));
  return WEEKDAYS.filter((day) => chosen.has(day));
}

/** The weekday code of a calendar day (`YYYY-MM-DD`), for defaults that follow the due date. */
export function weekdayOf(date: string): Weekday {
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7]!;
}

/** A draft that does not repeat, its defaults following the due day (its weekday, its day of month). */
export function repeatDefaults(dueDate: string): RepeatDraft {
  return {
    repeat: 'none',
    repeatInterval: '1',
    repeatWeekdays: weekdayOf(dueDate),
    repeatMonthly: 'day',
    repeatMonthDay: String(Number(dueDate.slice(8, 10))),
    repeatLastWeekday: weekdayOf(dueDate),
    repeatEnds: 'never',
    repeatCount: '10',
    repeatUntil: '',
  };
}

/**
 * A stored rule read back into the form's controls; `keep` when the form cannot show it exactly
 * (a key or a value its controls do not offer), so an edit never rewrites a rule it did not show.
 */
export function repeatDraftOf(rrule: string | null, dueDate: string): RepeatDraft {
  const draft = repeatDefaults(dueDate);
  if (!rrule) return draft;
  const keep: RepeatDraft = { ...draft, repeat: 'keep' };
  const parts = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = part.split('=');
    if (!key || value === undefined || parts.has(key.toUpperCase())) return keep;
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const allowed = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL']);
  const frequency = (parts.get('FREQ') ?? '').toLowerCase();
  if ([...parts.keys()].some((key) => !allowed.has(key))) return keep;
  if (!(REPEAT_FREQUENCIES as readonly string[]).includes(frequency) || frequency === 'none') return keep;
  draft.repeat = frequency as RepeatFrequency;
  const interval = parts.get('INTERVAL') ?? '1';
  if (wholeNumber(interval, 1, MAX_INTERVAL) === null) return keep;
  draft.repeatInterval = String(Number(interval));
  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  if (draft.repeat === 'weekly') {
    const days = (byDay ?? '').split(',');
    if (byMonthDay !== undefined || days.some((day) => !(WEEKDAYS as readonly string[]).includes(day)))
      return keep;
    draft.repeatWeekdays = days.join(',');
  } else if (draft.repeat === 'monthly') {
    const last = /^-1(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay ?? '');
    if (last && byMonthDay === undefined) {
      draft.repeatMonthly = 'last';
      draft.repeatLastWeekday = last[1] as Weekday;
    } else if (byDay === undefined && wholeNumber(byMonthDay ?? '', 1, 31) !== null) {
      draft.repeatMonthDay = String(Number(byMonthDay));
    } else return keep;
  } else if (byDay !== undefined || byMonthDay !== undefined) return keep;
  const count = parts.get('COUNT');
  const until = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(parts.get('UNTIL') ?? '');
  if (count !== undefined && parts.has('UNTIL')) return keep;
  if (count !== undefined) {
    if (wholeNumber(count, 1, MAX_COUNT) === null) return keep;
    draft.repeatEnds = 'count';
    draft.repeatCount = String(Number(count));
  } else if (parts.has('UNTIL')) {
    if (!until) return keep;
    draft.repeatEnds = 'until';
    draft.repeatUntil = `${until[1]}-${until[2]}-${until[3]}`;
  }
  return draft;
}

/**
 * The form's repeat choice -> an RRULE body for `tasks.create` (null = not recurring), and the
 * issues only the form can name at its own fields. The series starts on the due date, so the rule
 * carries no DTSTART; "ends on" includes that whole day (UNTIL at its last second, floating time).
 * `keep` gives back `kept`, the rule the task has.
 */
export function buildRrule(
  draft: RepeatDraft,
  dueDate: string,
  kept: string | null = null,
): { rrule: string | null; issues: FieldIssue[] } {
  if (draft.repeat === 'none') return { rrule: null, issues: [] };
  if (draft.repeat === 'keep') return { rrule: kept, issues: [] };
  const issues: FieldIssue[] = [];
  const refuse = (path: RepeatField, code: FieldIssue['code'], params?: FieldIssue['params']) =>
    issues.push({ path, code, message: `Check ${path}`, params });
  const parts = [`FREQ=${draft.repeat.toUpperCase()}`];

  const interval = wholeNumber(draft.repeatInterval, 1, MAX_INTERVAL);
  if (interval === null) refuse('repeatInterval', 'invalid');
  else if (interval > 1) parts.push(`INTERVAL=${interval}`);

  if (draft.repeat === 'weekly') {
    const days = weekdaysOf(draft.repeatWeekdays);
    if (days.length === 0) refuse('repeatWeekdays', 'required');
    else parts.push(`BYDAY=${days.join(',')}`);
  } else if (draft.repeat === 'monthly') {
    if (draft.repeatMonthly === 'last') parts.push(`BYDAY=-1${draft.repeatLastWeekday}`);
    else {
      const day = wholeNumber(draft.repeatMonthDay, 1, 31);
      if (day === null) refuse('repeatMonthDay', 'invalid');
      else parts.push(`BYMONTHDAY=${day}`);
    }
  }

  if (draft.repeatEnds === 'count') {
    const count = wholeNumber(draft.repeatCount, 1, MAX_COUNT);
    if (count === null) refuse('repeatCount', 'invalid');
    else parts.push(`COUNT=${count}`);
  } else if (draft.repeatEnds === 'until') {
    const until = draft.repeatUntil.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) refuse('repeatUntil', 'date');
    else if (dueDate && until < dueDate) refuse('repeatUntil', 'invalid');
    else parts.push(`UNTIL=${until.replaceAll('-', '')}T235959Z`);
  }
  return { rrule: issues.length > 0 ? null : parts.join(';'), issues };
}

/** What a stored rule says, for the row's hint; `other` for rules written elsewhere (CLI) in RRULE terms we do not word. */
export type RepeatSummary =
  | { kind: 'daily' | 'yearly'; interval: number }
  | { kind: 'weekly'; interval: number; days: Weekday[] }
  | { kind: 'monthlyDay'; interval: number; day: number }
  | { kind: 'monthlyLast'; interval: number; weekday: Weekday }
  | { kind: 'other' };

export function summarizeRrule(rrule: string): RepeatSummary {
  const parts = new Map(
    rrule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((part) => part.split('=') as [string, string?])
      .map(([key, value]) => [key.toUpperCase(), (value ?? '').toUpperCase()]),
  );
  const interval = Number(parts.get('INTERVAL') ?? '1') || 1;
  const byDay = parts.get('BYDAY');
  switch (parts.get('FREQ')) {
    case 'DAILY':
      return { kind: 'daily', interval };
    case 'YEARLY':
      return { kind: 'yearly', interval };
    case 'WEEKLY':
      return { kind: 'weekly', interval, days: weekdaysOf(byDay ?? '') };
    case 'MONTHLY': {
      const last = /^-1(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay ?? '');
      if (last) return { kind: 'monthlyLast', interval, weekday: last[1] as Weekday };
      const day = Number(parts.get('BYMONTHDAY'));
      if (!byDay && Number.isInteger(day) && day >= 1) return { kind: 'monthlyDay', interval, day };
      return { kind: 'other' };
    }
    default:
      return { kind: 'other' };
  }
}
