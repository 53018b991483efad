import { useShallow } from 'zustand/react/shallow';
import type { Task } from '../../../src-shared/contract';
import { useI18n, type Translate } from '../../i18n/useI18n';
import { dueLabel } from './dueDays';
import { summarizeRrule, type Weekday, WEEKDAYS } from './repeatRule';

/** A weekday's name in the locale, from a Monday known to be one (2024-01-01). */
export function weekdayName(day: Weekday, locale: string, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))),
  );
}

/** When a task is due, in words: "Tomorrow · 2:30 PM", "Mon, Feb 3 · all day". */
export function dueText(
  t: Translate,
  task: Pick<Task, 'dueDate' | 'dueTime'>,
  today: string,
  locale: string,
) {
  const label = dueLabel(task, today, locale);
  return t('followups.due.label', {
    day: label.relative ? t(`followups.due.${label.relative}`) : label.date,
    time: label.time ?? t('followups.due.allDay'),
  });
}

/** The row's recurrence hint ("Weekly on Monday, Wednesday"); null when the task does not repeat. */
export function repeatText(t: Translate, rrule: string | null, locale: string): string | null {
  if (!rrule) return null;
  const summary = summarizeRrule(rrule);
  if (summary.kind === 'other') return t('followups.repeat.other');
  const every = summary.interval > 1 ? 'N' : '';
  const list = new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' });
  switch (summary.kind) {
    case 'daily':
    case 'yearly':
      return t(`followups.repeat.${summary.kind}${every}`, { n: summary.interval });
    case 'weekly':
      return t(`followups.repeat.weekly${every}`, {
        n: summary.interval,
        days: list.format(summary.days.map((day) => weekdayName(day, locale, 'short'))),
      });
    case 'monthlyDay':
      return t(`followups.repeat.monthlyDay${every}`, { n: summary.interval, day: summary.day });
    case 'monthlyLast':
      return t(`followups.repeat.monthlyLast${every}`, {
        n: summary.interval,
        weekday: weekdayName(summary.weekday, locale),
      });
  }
}

/** The translator and locale the follow-up rows format with. */
export function useTaskFormat() {
  return useI18n(useShallow((s) => ({ t: s.t, locale: s.locale })));
}
