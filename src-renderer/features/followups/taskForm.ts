import type { ChannelInput, FieldIssue, TaskPriority } from '../../../src-shared/contract';
import { localInputToIso } from './dueDays';
import { buildRrule, weekdayOf, type RepeatDraft } from './repeatRule';

/** The new follow-up form as it holds its values: all text, as typed (see useQuickForm). */
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
    repeat: 'none',
    repeatInterval: '1',
    repeatWeekdays: weekdayOf(today),
    repeatMonthly: 'day',
    repeatMonthDay: String(Number(today.slice(8, 10))),
    repeatLastWeekday: weekdayOf(today),
    repeatEnds: 'never',
    repeatCount: '10',
    repeatUntil: '',
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
