import { describe, expect, it } from 'vitest';
import { taskFields } from '../../src-shared/contract';
import {
  buildRrule,
  summarizeRrule,
  weekdayOf,
  type RepeatDraft,
} from '../../src-renderer/features/followups/repeatRule';
import { taskFieldOf, taskFormValues, toTaskInput } from '../../src-renderer/features/followups/taskForm';

const draft = (patch: Partial<RepeatDraft>): RepeatDraft => ({
  repeat: 'none',
  repeatInterval: '1',
  repeatWeekdays: '',
  repeatMonthly: 'day',
  repeatMonthDay: '15',
  repeatLastWeekday: 'FR',
  repeatEnds: 'never',
  repeatCount: '10',
  repeatUntil: '',
  ...patch,
});

describe('buildRrule: the repeat part of the form as an RRULE', () => {
  it('is null when the follow-up does not repeat, whatever the hidden fields hold', () => {
    expect(buildRrule(draft({ repeatInterval: 'x' }), '2026-03-02')).toEqual({ rrule: null, issues: [] });
  });

  it.each([
    [{ repeat: 'daily' }, 'FREQ=DAILY'],
    [{ repeat: 'daily', repeatInterval: '3' }, 'FREQ=DAILY;INTERVAL=3'],
    // Days come out in the week's order, whatever order they were ticked in.
    [{ repeat: 'weekly', repeatWeekdays: 'FR,MO,WE' }, 'FREQ=WEEKLY;BYDAY=MO,WE,FR'],
    [{ repeat: 'weekly', repeatInterval: '2', repeatWeekdays: 'TU' }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'],
    [{ repeat: 'monthly', repeatMonthDay: '31' }, 'FREQ=MONTHLY;BYMONTHDAY=31'],
    [{ repeat: 'monthly', repeatMonthly: 'last', repeatLastWeekday: 'FR' }, 'FREQ=MONTHLY;BYDAY=-1FR'],
    [{ repeat: 'yearly' }, 'FREQ=YEARLY'],
    [{ repeat: 'daily', repeatEnds: 'count', repeatCount: '5' }, 'FREQ=DAILY;COUNT=5'],
    // "Ends on" includes that day: an occurrence at 18:00 on the last day still happens.
    [
      { repeat: 'weekly', repeatWeekdays: 'MO', repeatEnds: 'until', repeatUntil: '2026-06-30' },
      'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260630T235959Z',
    ],
  ] as const)('%o -> %s', (patch, rrule) => {
    expect(buildRrule(draft(patch), '2026-03-02')).toEqual({ rrule, issues: [] });
  });

  it.each([
    [{ repeat: 'daily', repeatInterval: '0' }, 'repeatInterval', 'invalid'],
    [{ repeat: 'daily', repeatInterval: '1.5' }, 'repeatInterval', 'invalid'],
    [{ repeat: 'daily', repeatInterval: '100' }, 'repeatInterval', 'invalid'],
    [{ repeat: 'weekly', repeatWeekdays: '' }, 'repeatWeekdays', 'required'],
    [{ repeat: 'monthly', repeatMonthDay: '32' }, 'repeatMonthDay', 'invalid'],
    [{ repeat: 'daily', repeatEnds: 'count', repeatCount: '0' }, 'repeatCount', 'invalid'],
    [{ repeat: 'daily', repeatEnds: 'until', repeatUntil: '' }, 'repeatUntil', 'date'],
    [{ repeat: 'daily', repeatEnds: 'until', repeatUntil: '2026-03-01' }, 'repeatUntil', 'invalid'],
  ] as const)('%o is refused at %s (%s) and builds no rule', (patch, path, code) => {
    const { rrule, issues } = buildRrule(draft(patch), '2026-03-02');
    expect(rrule).toBeNull();
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([[path, code]]);
  });

  it('reads back every rule it builds, and words nothing it cannot', () => {
    expect(summarizeRrule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR')).toEqual({
      kind: 'weekly',
      interval: 2,
      days: ['MO', 'FR'],
    });
    expect(summarizeRrule('RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=3')).toEqual({
      kind: 'monthlyLast',
      interval: 1,
      weekday: 'FR',
    });
    expect(summarizeRrule('FREQ=MONTHLY;BYMONTHDAY=15')).toEqual({
      kind: 'monthlyDay',
      interval: 1,
      day: 15,
    });
    expect(summarizeRrule('FREQ=DAILY;UNTIL=20260630T235959Z')).toEqual({ kind: 'daily', interval: 1 });
    expect(summarizeRrule('FREQ=MONTHLY;BYDAY=2TU')).toEqual({ kind: 'other' });
  });
});

describe('the new follow-up form', () => {
  it('starts due today, its repeat defaults following that day', () => {
    const values = taskFormValues({ customerId: 7, customerName: '张三' }, '2026-02-27');
    expect(weekdayOf('2026-02-27')).toBe('FR');
    expect(values).toMatchObject({
      customerId: '7',
      dueDate: '2026-02-27',
      repeatWeekdays: 'FR',
      repeatMonthDay: '27',
      repeatLastWeekday: 'FR',
      remind: 'default',
    });
  });

  it('sends what the contract accepts: a timed weekly follow-up with its own reminder', () => {
    const values = {
      ...taskFormValues({ customerId: 3 }, '2026-03-02'),
      title: 'Call about the renewal',
      dueTime: '14:30',
      repeat: 'weekly' as const,
      repeatWeekdays: 'MO',
      remind: 'custom' as const,
      remindAt: '2026-03-02T14:00',
    };
    const { input, issues } = toTaskInput(values);
    expect(issues).toEqual([]);
    expect(input).toMatchObject({
      customerId: 3,
      dealId: null,
      dueTime: '14:30',
      remind: true,
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      remindAt: new Date('2026-03-02T14:00').toISOString(),
    });
    expect(taskFields.safeParse(input).success).toBe(true);
  });

  it('an all-day follow-up with no reminder; a custom reminder with no time is named at its field', () => {
    const base = { ...taskFormValues({}, '2026-03-02'), title: 'Send the catalogue' };
    expect(toTaskInput({ ...base, remind: 'none' }).input).toMatchObject({
      customerId: null,
      dueTime: null,
      remind: false,
      rrule: null,
    });
    expect(toTaskInput({ ...base, remind: 'custom', remindAt: '' }).issues).toMatchObject([
      { path: 'remindAt', code: 'required' },
    ]);
  });

  it('puts server issues at the fields that made them', () => {
    expect(taskFieldOf('rrule')).toBe('repeat');
    expect(taskFieldOf('patch.remindAt')).toBe('remindAt');
    expect(taskFieldOf('customerId')).toBe('customerId');
    expect(taskFieldOf('timeZone')).toBeUndefined();
  });
});
