import type { ChannelInput, FieldIssue, Task } from '../../../src-shared/contract';
import { localInputToIso, toLocalInput } from './dueDays';
import { buildRrule, repeatDraftOf, type RepeatDraft } from './repeatRule';
import type { TaskFormValues } from './taskForm';

type TaskPatch = ChannelInput<'tasks.update'>['patch'];

const REPEAT_KEYS = [
  'repeat',
  'repeatInterval',
  'repeatWeekdays',
  'repeatMonthly',
  'repeatMonthDay',
  'repeatLastWeekday',
  'repeatEnds',
  'repeatCount',
  'repeatUntil',
] as const satisfies readonly (keyof RepeatDraft)[];

/**
 * The edit form of a task as it is: its rule read back into the repeat controls, its reminder as
 * the choice that gives it (`default` when it is at the due time, or at `remindTime` on an all-day
 * task's day; `custom` otherwise, a snoozed reminder included).
 */
export function taskEditValues(task: Task, remindTime: string): TaskFormValues {
  const remindAt = task.remindAt === null ? '' : toLocalInput(new Date(task.remindAt));
  const atDefault =
    task.remindAt !== null &&
    (task.dueTime === null ? remindAt === `${task.dueDate}T${remindTime}` : task.remindAt === task.dueAt);
  return {
    title: task.title,
    customerId: task.customerId === null ? '' : String(task.customerId),
    dealId: task.dealId === null ? '' : String(task.dealId),
    dueDate: task.dueDate,
    dueTime: task.dueTime ?? '',
    priority: task.priority,
    ...repeatDraftOf(task.rrule, task.dueDate),
    remind: task.remindAt === null ? 'none' : atDefault ? 'default' : 'custom',
    remindAt,
    notes: task.notes ?? '',
  };
}

/**
 * The edit form -> `tasks.update`'s patch: only what the owner changed, so saving a new title
 * leaves the reminder (a snooze too) and the series alone. The repeat is checked, and sent, only
 * when one of its controls changed and the rule it makes is another than the one it started from.
 */
export function toTaskPatch(
  values: TaskFormValues,
  initial: TaskFormValues,
  keptRule: string | null,
): { input: TaskPatch; issues: FieldIssue[] } {
  const input: TaskPatch = {};
  const issues: FieldIssue[] = [];
  if (values.title !== initial.title) input.title = values.title;
  if (values.notes !== initial.notes) input.notes = values.notes;
  if (values.priority !== initial.priority) input.priority = values.priority;
  if (values.dueDate !== initial.dueDate) input.dueDate = values.dueDate;
  if (values.dueTime.trim() !== initial.dueTime) input.dueTime = values.dueTime.trim() || null;

  if (REPEAT_KEYS.some((key) => values[key] !== initial[key])) {
    const built = buildRrule(values, values.dueDate, keptRule);
    issues.push(...built.issues);
    if (built.issues.length === 0 && built.rrule !== buildRrule(initial, initial.dueDate, keptRule).rrule) {
      input.rrule = built.rrule;
    }
  }

  const remindChanged =
    values.remind !== initial.remind || (values.remind === 'custom' && values.remindAt !== initial.remindAt);
  if (remindChanged) {
    input.remind = values.remind !== 'none';
    if (values.remind === 'default') input.remindAt = null;
    if (values.remind === 'custom') {
      const iso = localInputToIso(values.remindAt);
      if (iso === null) issues.push({ path: 'remindAt', code: 'required', message: 'Pick a reminder time' });
      else input.remindAt = iso;
    }
  }
  return { input, issues };
}
