import { z } from 'zod';
import { downloadFile } from './imports';
import {
  calendarDate,
  instantInput,
  isoInstant,
  noInput,
  optionalText,
  recordId,
  requiredText,
} from './fields';

/**
 * Follow-ups (跟进任务): tasks with a due day (and optionally a time), a reminder delivered once,
 * recurrence as an RRULE, and the tasks SoloCRM creates itself (keep in touch, birthdays, rules).
 *
 * Time. A due time is wall-clock time in the owner's time zone ("every Monday 09:00" stays 09:00
 * across daylight-saving changes); the zone is kept with the task so the instant of each
 * occurrence can be computed again wherever the laptop travels.
 */

export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** Who made the task: the owner, or one of SoloCRM's own sources. */
export const TASK_ORIGINS = ['manual', 'keep_in_touch', 'birthday', 'rule'] as const;
export type TaskOrigin = (typeof TASK_ORIGINS)[number];

export const TASK_STATUSES = ['open', 'done', 'all'] as const;

/** `HH:MM`, 00:00–23:59. */
export const wallTime = () =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time such as 09:30');

/** An RRULE body such as `FREQ=WEEKLY;BYDAY=MO,WE` (checked by the service with the rrule library). */
export const rruleText = () =>
  z
    .string()
    .trim()
    .max(500)
    .transform((value) => value.replace(/^RRULE:/i, ''));

export const task = z.object({
  id: recordId,
  uid: z.string(),
  title: z.string(),
  customerId: recordId.nullable(),
  customerName: z.string().nullable(),
  dealId: recordId.nullable(),
  dealTitle: z.string().nullable(),
  dueDate: z.string(),
  /** null = all day. */
  dueTime: z.string().nullable(),
  timeZone: z.string(),
  /** The due instant: the due time, or the start of the due day for an all-day task. */
  dueAt: isoInstant,
  /** When the reminder fires; null = no reminder. */
  remindAt: isoInstant.nullable(),
  /** When it fired (each occurrence fires once); null while pending. */
  remindedAt: isoInstant.nullable(),
  priority: z.enum(TASK_PRIORITIES),
  notes: z.string().nullable(),
  rrule: z.string().nullable(),
  /** The first task of a recurring series (itself for the first); null when not recurring. */
  seriesId: recordId.nullable(),
  origin: z.enum(TASK_ORIGINS),
  doneAt: isoInstant.nullable(),
  /** Open and its due day (or due time) has passed. */
  overdue: z.boolean(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Task = z.infer<typeof task>;

const taskFieldShape = {
  title: requiredText(300),
  customerId: recordId.nullable(),
  dealId: recordId.nullable(),
  dueDate: calendarDate(),
  dueTime: wallTime().nullable(),
  /** The reminder instant; missing = the default (the due time, or the day's reminder time). */
  remindAt: instantInput().nullable(),
  priority: z.enum(TASK_PRIORITIES),
  notes: optionalText(20_000),
  rrule: rruleText().nullable(),
};

export const taskFields = z.strictObject({
  ...taskFieldShape,
  customerId: taskFieldShape.customerId.optional(),
  dealId: taskFieldShape.dealId.optional(),
  dueTime: taskFieldShape.dueTime.optional(),
  remindAt: taskFieldShape.remindAt.optional(),
  /** false = no reminder at all. */
  remind: z.boolean().default(true),
  priority: taskFieldShape.priority.default('normal'),
  rrule: taskFieldShape.rrule.optional(),
  /** IANA zone of the due time; defaults to the machine's. */
  timeZone: z.string().max(64).optional(),
});
export const taskPatch = z.strictObject({ ...taskFieldShape, remind: z.boolean() }).partial();

export const SNOOZE_PRESETS = ['10m', '1h', 'tomorrow', 'next_week'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

export const taskListInput = z.strictObject({
  status: z.enum(TASK_STATUSES).default('open'),
  customerId: recordId.optional(),
  dealId: recordId.optional(),
  /** Due on or after / before these days. */
  from: calendarDate().optional(),
  to: calendarDate().optional(),
  limit: z.number().int().min(1).max(5_000).default(500),
});

/** What the Today page, the navigation count and the tray show. */
export const dueTasks = z.object({
  today: z.string(),
  overdue: z.array(task),
  dueToday: z.array(task),
  /** Due in the 7 days after today. */
  upcoming: z.array(task),
});
export type DueTasks = z.infer<typeof dueTasks>;

/** A reminder the doors deliver (notification, in-page toast). */
export const reminder = z.object({
  taskId: recordId,
  title: z.string(),
  customerId: recordId.nullable(),
  customerName: z.string().nullable(),
  dueAt: isoInstant,
  allDay: z.boolean(),
});
export type Reminder = z.infer<typeof reminder>;

export const RULE_KINDS = ['segment_entered', 'deal_stale', 'after_order'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/**
 * An automation rule. `segment_entered`: a follow-up `days` after a customer enters `segment`;
 * `deal_stale`: a reminder when an open deal has had no activity for `days`; `after_order`: a
 * check-in `days` after each paid order. Rules act on what happens after they are turned on.
 */
export const taskRule = z.object({
  id: recordId,
  kind: z.enum(RULE_KINDS),
  days: z.number().int(),
  segment: z.string().nullable(),
  enabled: z.boolean(),
  /** The owner's wording of the task title; null = the built-in, translated one. */
  title: z.string().nullable(),
  createdAt: isoInstant,
});
export type TaskRule = z.infer<typeof taskRule>;

const ruleFieldShape = {
  days: z.number().int().min(0).max(3650),
  segment: z.string().max(40).nullable(),
  enabled: z.boolean(),
  title: optionalText(300),
};
const ruleFields = z.strictObject({
  kind: z.enum(RULE_KINDS),
  ...ruleFieldShape,
  segment: ruleFieldShape.segment.default(null),
  enabled: ruleFieldShape.enabled.default(true),
});

export const keepInTouch = z.object({
  customerId: recordId,
  /** null = off. */
  everyDays: z.number().int().nullable(),
  /** The last conversation (or the customer's creation) + everyDays; null when off. */
  nextDue: z.string().nullable(),
});
export type KeepInTouch = z.infer<typeof keepInTouch>;

const idInput = z.strictObject({ id: recordId });

export const taskChannels = {
  'tasks.list': { input: taskListInput, output: z.array(task) },
  'tasks.due': { input: noInput, output: dueTasks },
  'tasks.get': { input: idInput, output: task },
  'tasks.create': { input: taskFields, output: task },
  'tasks.update': { input: z.strictObject({ id: recordId, patch: taskPatch }), output: task },
  /** Done; a recurring task's next occurrence is created and returned as `next`. */
  'tasks.complete': { input: idInput, output: z.object({ task, next: task.nullable() }) },
  'tasks.reopen': { input: idInput, output: task },
  'tasks.snooze': {
    input: z.strictObject({
      id: recordId,
      preset: z.enum(SNOOZE_PRESETS).optional(),
      until: instantInput().optional(),
    }),
    output: task,
  },
  'tasks.delete': { input: idInput, output: task },
  'tasks.restore': { input: idInput, output: task },
  /** Open follow-ups (or all) as an iCalendar file for the owner's calendar app. */
  'tasks.ics': {
    input: z.strictObject({ status: z.enum(TASK_STATUSES).default('open') }).default({ status: 'open' }),
    output: downloadFile,
  },
  'taskRules.list': { input: noInput, output: z.array(taskRule) },
  'taskRules.create': { input: ruleFields, output: taskRule },
  'taskRules.update': {
    // Built from the shape without defaults: a patch fills in nothing it did not send.
    input: z.strictObject({ id: recordId, patch: z.strictObject(ruleFieldShape).partial() }),
    output: taskRule,
  },
  'taskRules.delete': { input: idInput, output: taskRule },
  'keepInTouch.get': { input: z.strictObject({ customerId: recordId }), output: keepInTouch },
  'keepInTouch.set': {
    input: z.strictObject({ customerId: recordId, everyDays: z.number().int().min(1).max(3650).nullable() }),
    output: keepInTouch,
  },
} as const;
