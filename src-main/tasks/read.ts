import type Database from 'better-sqlite3';
import type { ParsedInput, Reminder, Task, TaskOrigin, TaskPriority } from '../../src-shared/contract';
import { toIso, toIsoOrNull } from '../core/clock';
import { notFound } from '../core/errors';
import { wallAt } from './zonedTime';

export interface TaskRecord {
  id: number;
  uid: string;
  title: string;
  customerId: number | null;
  customerName: string | null;
  dealId: number | null;
  dealTitle: string | null;
  dueDate: string;
  dueTime: string | null;
  timeZone: string;
  dueAt: number;
  reminds: number;
  remindOffsetMs: number | null;
  remindAt: number | null;
  remindedAt: number | null;
  priority: TaskPriority;
  notes: string | null;
  rrule: string | null;
  seriesId: number | null;
  seriesStart: string | null;
  origin: TaskOrigin;
  sourceKey: string | null;
  doneAt: number | null;
  deletedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS = `t.id, t.uid, t.title, t.customer_id AS customerId, c.name AS customerName,
  t.deal_id AS dealId, d.title AS dealTitle, t.due_date AS dueDate, t.due_time AS dueTime,
  t.time_zone AS timeZone, t.due_at AS dueAt, t.reminds, t.remind_offset_ms AS remindOffsetMs,
  t.remind_at AS remindAt, t.reminded_at AS remindedAt, t.priority, t.notes, t.rrule,
  t.series_id AS seriesId, t.series_start AS seriesStart, t.origin, t.source_key AS sourceKey,
  t.done_at AS doneAt, t.deleted_at AS deletedAt, t.created_at AS createdAt, t.updated_at AS updatedAt`;

/** Tasks outside the trash whose customer (if any) is outside it too. */
const FROM = `FROM tasks t LEFT JOIN customers c ON c.id = t.customer_id
  LEFT JOIN deals d ON d.id = t.deal_id AND d.deleted_at IS NULL
  WHERE t.deleted_at IS NULL AND (t.customer_id IS NULL OR c.deleted_at IS NULL)`;

export class TaskReader {
  constructor(private readonly sqlite: Database.Database) {}

  /** One task, in the trash too (restore reads it there). */
  any(id: number): TaskRecord {
    const row = this.sqlite
      .prepare(
        `SELECT ${COLUMNS} FROM tasks t LEFT JOIN customers c ON c.id = t.customer_id
         LEFT JOIN deals d ON d.id = t.deal_id WHERE t.id = ?`,
      )
      .get(id) as TaskRecord | undefined;
    if (!row) throw notFound('Task', id);
    return row;
  }

  list(input: ParsedInput<'tasks.list'>): TaskRecord[] {
    const terms: string[] = [];
    if (input.status === 'open') terms.push('t.done_at IS NULL');
    if (input.status === 'done') terms.push('t.done_at IS NOT NULL');
    if (input.customerId !== undefined) terms.push('t.customer_id = @customerId');
    if (input.dealId !== undefined) terms.push('t.deal_id = @dealId');
    if (input.from !== undefined) terms.push('t.due_date >= @from');
    if (input.to !== undefined) terms.push('t.due_date <= @to');
    const order = input.status === 'done' ? 't.done_at DESC' : 't.due_at, t.id';
    return this.sqlite
      .prepare(
        `SELECT ${COLUMNS} ${FROM} ${terms.map((term) => `AND ${term}`).join(' ')} ORDER BY ${order} LIMIT @limit`,
      )
      .all({
        customerId: input.customerId,
        dealId: input.dealId,
        from: input.from,
        to: input.to,
        limit: input.limit,
      }) as TaskRecord[];
  }

  /** Open tasks due before the end of `lastDay` (overdue ones included), soonest first. */
  openThrough(lastDay: string): TaskRecord[] {
    return this.sqlite
      .prepare(`SELECT ${COLUMNS} ${FROM} AND t.done_at IS NULL AND t.due_date <= ? ORDER BY t.due_at, t.id`)
      .all(lastDay) as TaskRecord[];
  }

  /**
   * Claims the reminders whose time has come: one UPDATE sets `reminded_at` only where it is
   * still null, so of two windows (or a restart mid-check) exactly one gets each occurrence.
   */
  claimDue(now: number): Reminder[] {
    const claimed = this.sqlite
      .prepare(
        `UPDATE tasks SET reminded_at = @now
         WHERE reminded_at IS NULL AND remind_at IS NOT NULL AND remind_at <= @now
           AND done_at IS NULL AND deleted_at IS NULL
         RETURNING id`,
      )
      .all({ now }) as { id: number }[];
    return claimed.map(({ id }) => toReminder(this.any(id)));
  }

  /** The earliest reminder still to fire, to set the timer by. */
  nextReminderAt(): number | null {
    const row = this.sqlite
      .prepare(
        `SELECT min(remind_at) AS at FROM tasks
         WHERE reminded_at IS NULL AND remind_at IS NOT NULL AND done_at IS NULL AND deleted_at IS NULL`,
      )
      .get() as { at: number | null };
    return row.at;
  }
}

export function toReminder(row: TaskRecord): Reminder {
  return {
    taskId: row.id,
    title: row.title,
    customerId: row.customerId,
    customerName: row.customerName,
    dueAt: toIso(row.dueAt),
    allDay: row.dueTime === null,
  };
}

/** The contract's task; overdue as of `now` in the task's own zone. */
export function toTask(row: TaskRecord, now: number): Task {
  const today = wallAt(now, row.timeZone).date;
  const overdue = row.doneAt === null && (row.dueTime === null ? row.dueDate < today : row.dueAt < now);
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    customerId: row.customerId,
    customerName: row.customerName,
    dealId: row.dealId,
    dealTitle: row.dealTitle,
    dueDate: row.dueDate,
    dueTime: row.dueTime,
    timeZone: row.timeZone,
    dueAt: toIso(row.dueAt),
    remindAt: toIsoOrNull(row.remindAt),
    remindedAt: toIsoOrNull(row.remindedAt),
    priority: row.priority,
    notes: row.notes,
    rrule: row.rrule,
    seriesId: row.seriesId,
    origin: row.origin,
    doneAt: toIsoOrNull(row.doneAt),
    overdue,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}
