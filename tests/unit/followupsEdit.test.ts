import { describe, expect, it } from 'vitest';
import { taskPatch, type Task } from '../../src-shared/contract';
import { buildRrule, repeatDraftOf } from '../../src-renderer/features/followups/repeatRule';
import { taskEditValues, toTaskPatch } from '../../src-renderer/features/followups/taskEdit';
import { describeTaskIssue } from '../../src-renderer/features/followups/taskForm';
import { useI18n } from '../../src-renderer/i18n/useI18n';

/** A weekly Monday 09:00 follow-up as tasks.get answers it. */
const weekly = (patch: Partial<Task> = {}): Task => ({
  id: 7,
  uid: 'u',
  title: 'Weekly review',
  customerId: 3,
  customerName: 'Li Na',
  dealId: null,
  dealTitle: null,
  dueDate: '2026-03-02',
  dueTime: '09:00',
  timeZone: 'Europe/Berlin',
  dueAt: '2026-03-02T08:00:00.000Z',
  remindAt: '2026-03-02T08:00:00.000Z',
  remindedAt: null,
  priority: 'normal',
  notes: null,
  rrule: 'FREQ=WEEKLY;BYDAY=MO',
  seriesId: 7,
  origin: 'manual',
  doneAt: null,
  overdue: false,
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  ...patch,
});

describe('repeatDraftOf: a stored rule read back into the repeat controls', () => {
  it.each([
    'FREQ=DAILY',
    'FREQ=DAILY;INTERVAL=3',
    'FREQ=WEEKLY;BYDAY=MO,WE,FR',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    'FREQ=MONTHLY;BYMONTHDAY=31',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=YEARLY',
    'FREQ=DAILY;COUNT=5',
    'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260630T235959Z',
  ])('%s builds the same rule again', (rrule) => {
    const draft = repeatDraftOf(rrule, '2026-03-02');
    expect(draft.repeat).not.toBe('keep');
    expect(buildRrule(draft, '2026-03-02').rrule).toBe(rrule);
  });

  it('reads a bare UNTIL day (as the CLI writes it) as that last day', () => {
    expect(repeatDraftOf('FREQ=DAILY;UNTIL=20260305', '2026-03-02')).toMatchObject({
      repeat: 'daily',
      repeatEnds: 'until',
      repeatUntil: '2026-03-05',
    });
  });

  it.each([
    'FREQ=MONTHLY;BYDAY=2TU',
    'FREQ=MONTHLY;BYMONTHDAY=1,15',
    'FREQ=MONTHLY',
    'FREQ=WEEKLY',
    'FREQ=YEARLY;BYMONTH=3',
    'FREQ=DAILY;INTERVAL=500',
    'FREQ=DAILY;COUNT=2;UNTIL=20260305',
  ])('%s cannot be shown, so the form keeps it as it is', (rrule) => {
    const draft = repeatDraftOf(rrule, '2026-03-02');
    expect(draft.repeat).toBe('keep');
    expect(buildRrule(draft, '2026-03-02', rrule).rrule).toBe(rrule);
  });

  it('no rule: the defaults of a new form, following the due day', () => {
    expect(repeatDraftOf(null, '2026-03-04')).toMatchObject({
      repeat: 'none',
      repeatWeekdays: 'WE',
      repeatMonthDay: '4',
    });
  });
});

describe('toTaskPatch: only what the owner changed', () => {
  const initial = taskEditValues(weekly(), '09:00');

  it('reads the task back: its rule, and a reminder at the due time as the default', () => {
    expect(initial).toMatchObject({
      title: 'Weekly review',
      dueTime: '09:00',
      repeat: 'weekly',
      repeatWeekdays: 'MO',
      remind: 'default',
      notes: '',
    });
    expect(taskEditValues(weekly({ remindAt: null }), '09:00').remind).toBe('none');
    expect(taskEditValues(weekly({ remindAt: '2026-03-02T07:30:00.000Z' }), '09:00').remind).toBe('custom');
  });

  it('nothing changed: nothing to send', () => {
    expect(toTaskPatch(initial, initial, 'FREQ=WEEKLY;BYDAY=MO')).toEqual({ input: {}, issues: [] });
  });

  it('a new title and priority are all it sends: no due day, no rule, no reminder', () => {
    const values = { ...initial, title: 'Review with Li Na', priority: 'high' as const };
    expect(toTaskPatch(values, initial, 'FREQ=WEEKLY;BYDAY=MO').input).toEqual({
      title: 'Review with Li Na',
      priority: 'high',
    });
  });

  it('a day ticked and unticked again sends no rule; another day does', () => {
    const back = { ...initial, repeatWeekdays: 'MO,TU' };
    expect(toTaskPatch({ ...back, repeatWeekdays: 'MO' }, initial, null).input).toEqual({});
    expect(toTaskPatch(back, initial, null).input).toEqual({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU' });
    expect(toTaskPatch({ ...initial, repeat: 'none' }, initial, null).input).toEqual({ rrule: null });
  });

  it('a rule it keeps is never rewritten; a rule the controls cannot build is refused at its field', () => {
    const kept = taskEditValues(weekly({ rrule: 'FREQ=MONTHLY;BYDAY=2TU' }), '09:00');
    expect(toTaskPatch({ ...kept, title: 'x' }, kept, 'FREQ=MONTHLY;BYDAY=2TU').input).toEqual({
      title: 'x',
    });
    const { issues } = toTaskPatch({ ...initial, repeatWeekdays: '' }, initial, null);
    expect(issues.map((issue) => issue.path)).toEqual(['repeatWeekdays']);
  });

  it('the reminder: back to the due time, none, or a time of the owner’s', () => {
    expect(toTaskPatch({ ...initial, remind: 'none' }, initial, null).input).toEqual({ remind: false });
    const custom = taskEditValues(weekly({ remindAt: '2026-03-02T07:30:00.000Z' }), '09:00');
    expect(toTaskPatch({ ...custom, remind: 'default' }, custom, null).input).toEqual({
      remind: true,
      remindAt: null,
    });
    expect(toTaskPatch({ ...initial, remind: 'custom', remindAt: '' }, initial, null).issues).toMatchObject([
      { path: 'remindAt', code: 'required' },
    ]);
  });

  it('an emptied title reaches the schema, which refuses it at the title', () => {
    const { input } = toTaskPatch({ ...initial, title: '  ' }, initial, null);
    const parsed = taskPatch.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['title']);
  });
});

describe('describeTaskIssue names the field, in both languages', () => {
  it.each([
    ['en', 'title', { code: 'required' }, '“What to do” cannot be empty'],
    [
      'en',
      'notes',
      { code: 'too_long', params: { max: 20000 } },
      '“Notes” can have at most 20,000 characters',
    ],
    ['zh-CN', 'title', { code: 'required' }, '「要做什么」不能为空'],
    ['zh-CN', 'dueDate', { code: 'date' }, '「到期日」请填写有效日期'],
  ] as const)('%s: %s %o', (locale, field, issue, message) => {
    useI18n.getState().setLocale(locale);
    expect(describeTaskIssue(useI18n.getState().t, field, { path: field, message: '', ...issue })).toBe(
      message,
    );
  });
});
