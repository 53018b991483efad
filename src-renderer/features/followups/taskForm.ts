import type { ChannelInput, FieldIssue, TaskPriority } from '../../../src-shared/contract';
import type { Translate } from '../../i18n/useI18n';
import { localInputToIso } from './dueDays';
import { buildRrule, repeatDefaults, type RepeatDraft } from './repeatRule';

/** The follow-up form (new and edit) as it holds its values: all text, as typed (see useQuickForm). */
export interface TaskFormValues extends RepeatDraft {
  title: string;
  customerId: string;
  dealId: string;
  dueDate: string;
  /** Empty = all day. */
  dueTime: string;
  priority: TaskPriority;
  /** `default` = the due time (or the all-day reminder time); `none` = no reminder. */
  remind: 'default' | 'none' | 'custom';
  /** A `datetime-local` value, for `custom`. */
  remindAt: string;
  notes: string;
}

export const TASK_FORM_FIELDS = [
  'title',
  'customerId',
  'dealId',
  'dueDate',
  'dueTime',
  'priority',
  'repeat',
  'repeatInterval',
  'repeatWeekdays',
  'repeatMonthly',
  'repeatMonthDay',
  'repeatLastWeekday',
  'repeatEnds',
  'repeatCount',
  'repeatUntil',
  'remind',
  'remindAt',
  'notes',
] as const satisfies readonly (keyof TaskFormValues)[];
export type TaskFormField = (typeof TASK_FORM_FIELDS)[number];

/** Where a new follow-up starts: the customer page fills its customer, a deal its deal too. */
export interface TaskSeed {
  customerId?: number;
  customerName?: string;
  dealId?: number;
  dealTitle?: string;
}

/** A blank form due `today`; the repeat defaults follow the due day (its weekday, its day of month). */
export function taskFormValues(seed: TaskSeed, today: string): TaskFormValues {
  return {
    title: '',
    customerId: seed.customerId === undefined ? '' : String(seed.customerId),
    dealId: seed.dealId === undefined ? '' : String(seed.dealId),
    dueDate: today,
    dueTime: '',
    priority: 'normal',
    ...repeatDefaults(today),
    remind: 'default',
    remindAt: '',
    notes: '',
  };
}

/** Where a server issue shows: the repeat rule at the repeat choice, `patch.x` at `x`. */
export function taskFieldOf(path: string): TaskFormField | undefined {
  const name = path.replace(/^patch\./, '').split('.')[0];
  if (name === 'rrule') return 'repeat';
  if (name === 'remind') return 'remind';
  return TASK_FORM_FIELDS.find((field) => field === name);
}

/**
 * The form -> `tasks.create`'s input, plus the issues only the form can see (a repeat it cannot
 * turn into a rule, a custom reminder that is no time). The contract's schema checks the rest, and
 * the server the rest of that (a reminder after the due time, an unknown customer).
 */
export function toTaskInput(values: TaskFormValues): {
  input: ChannelInput<'tasks.create'>;
  issues: FieldIssue[];
} {
  const { rrule, issues } = buildRrule(values, values.dueDate);
  let remindAt: string | undefined;
  if (values.remind === 'custom') {
    const iso = localInputToIso(values.remindAt);
    if (iso === null) issues.push({ path: 'remindAt', code: 'required', message: 'Pick a reminder time' });
    else remindAt = iso;
  }
  const input: ChannelInput<'tasks.create'> = {
    title: values.title,
    customerId: values.customerId ? Number(values.customerId) : null,
    dealId: values.dealId ? Number(values.dealId) : null,
    dueDate: values.dueDate,
    dueTime: values.dueTime.trim() ? values.dueTime.trim() : null,
    priority: values.priority,
    remind: values.remind !== 'none',
    remindAt,
    rrule,
    notes: values.notes,
  };
  return { input, issues };
}

/**
 * Messages more precise than the issue code's generic one, naming the field where the form knows
 * what went wrong ("“What to do” cannot be empty"); undefined leaves the generic one.
 */
export function describeTaskIssue(t: Translate, field: TaskFormField, issue: FieldIssue): string | undefined {
  const named = (label: 'title' | 'notes') => {
    const params = { ...issue.params, field: t(`followups.form.${label}`) };
    if (issue.code === 'required' || issue.code === 'too_small')
      return t('followups.form.fieldEmpty', params);
    if (issue.code === 'too_long') return t('followups.form.fieldTooLong', params);
    return undefined;
  };
  const messages: Partial<Record<TaskFormField, string | undefined>> = {
    title: named('title'),
    notes: named('notes'),
    dueDate: t('followups.form.dueDateInvalid'),
    dueTime: t('followups.form.dueTimeInvalid'),
    remindAt:
      issue.code === 'required' ? t('followups.form.remindAtRequired') : t('followups.form.remindAfterDue'),
    repeat: t('followups.form.repeatInvalid'),
    repeatInterval: t('followups.form.intervalInvalid'),
    repeatWeekdays: t('followups.form.weekdaysRequired'),
    repeatMonthDay: t('followups.form.monthDayInvalid'),
    repeatCount: t('followups.form.countInvalid'),
    repeatUntil: issue.code === 'invalid' ? t('followups.form.untilInvalid') : undefined,
  };
  return messages[field];
}
