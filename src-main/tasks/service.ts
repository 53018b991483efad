import type Database from 'better-sqlite3';
import type { DueTasks, FieldIssue, ParsedInput, Task, TaskOrigin } from '../../src-shared/contract';
import type { Clock } from '../core/clock';
import { AppError, invalidFields } from '../core/errors';
import type { EventHub } from '../core/events';
import { newUid } from '../core/uid';
import { Statements } from '../db/statements';
import type { SettingsService } from '../settings/service';
import { nextDueDate, parseRrule } from './recurrence';
import { TaskReader, toTask, type TaskRecord } from './read';
import { reminderInstant, reminderOffset } from './reminderTimes';
import { snoozeUntil } from './snooze';
import { addDays, isTimeZone, machineTimeZone, wallAt, zonedInstant } from './zonedTime';

type TaskFields = ParsedInput<'tasks.create'>;
type TaskPatch = ParsedInput<'tasks.update'>['patch'];
type SnoozeInput = ParsedInput<'tasks.snooze'>;

export interface TaskDeps {
  sqlite: Database.Database;
  clock: Clock;
  events: EventHub;
  settings: SettingsService;
  /** The zone new tasks are due in; the machine's unless a test says otherwise. */
  timeZone?: () => string;
  /** Called after every write, so the scheduler re-arms its timer for the next reminder. */
  onChange?: () => void;
}

/** What a task of SoloCRM's own making carries besides the fields. */
export interface AutomaticOrigin {
  origin: Exclude<TaskOrigin, 'manual'>;
  /** Unique: a second task for the same key is never written. */
  sourceKey: string;
}

const UPCOMING_DAYS = 7;

/**
 * Follow-up tasks: one row per occurrence with its own reminder state; completing a recurring
 * one writes the next occurrence in the same transaction.
 */
export class TaskService {
  readonly reader: TaskReader;

  /** Prepared once: the automation's first pass over 100,000 customers creates thousands of tasks. */
  private readonly statements: Statements;

  constructor(private readonly deps: TaskDeps) {
    this.reader = new TaskReader(deps.sqlite);
    this.statements = new Statements(deps.sqlite);
  }

  get(id: number): Task {
    return this.present(this.live(id));
  }

  list(input: ParsedInput<'tasks.list'>): Task[] {
    return this.reader.list(input).map((row) => this.present(row));
  }

  /** Overdue, due today and the next 7 days, as of now on the machine's calendar. */
  due(): DueTasks {
    const now = this.deps.clock.now();
    const today = wallAt(now, this.zone()).date;
    const tasks = this.reader.openThrough(addDays(today, UPCOMING_DAYS)).map((row) => this.present(row));
    return {
      today,
      overdue: tasks.filter((task) => task.overdue),
      dueToday: tasks.filter((task) => !task.overdue && task.dueDate === today),
      upcoming: tasks.filter((task) => !task.overdue && task.dueDate > today),
    };
  }

  /**
   * A new task. A due day in the past is allowed (it is shown overdue); a reminder whose time
   * has already passed is not delivered (the owner is looking at the task right now).
   * With `automatic`, returns null when a task for the same source key already exists.
   */
  create(fields: TaskFields, automatic?: AutomaticOrigin): Task | null {
    const id = this.insert(fields, automatic);
    return id === null ? null : this.get(id);
  }

  /** An automatic follow-up unless its source key was written before; true when written. */
  createAutomatic(fields: TaskFields, automatic: AutomaticOrigin): boolean {
    return this.insert(fields, automatic) !== null;
  }

  private insert(fields: TaskFields, automatic?: AutomaticOrigin): number | null {
    // The automation asks again every few minutes for what it already wrote: answered from the
    // unique key before any of the checks and time-zone work below (~120 ms a pass for 340 birthdays).
    if (
      automatic &&
      this.statements.get('SELECT 1 FROM tasks WHERE source_key = ?').get(automatic.sourceKey)
    ) {
      return null;
    }
    const now = this.deps.clock.now();
    const timeZone = fields.timeZone ?? this.zone();
    const issues = this.referenceIssues(fields.customerId ?? null, fields.dealId ?? null, '');
    if (!isTimeZone(timeZone)) {
      issues.push({ path: 'timeZone', code: 'invalid', message: `Unknown time zone ${timeZone}` });
    }
    if (issues.length > 0) throw invalidFields(issues);
    if (fields.rrule) parseRrule(fields.rrule, 'rrule');
    const dueTime = fields.dueTime ?? null;
    const dueAt = zonedInstant(fields.dueDate, dueTime ?? '00:00', timeZone);
    const offset = fields.remindAt
      ? reminderOffset(fields.remindAt, dueAt, fields.dueDate, dueTime, timeZone, '')
      : null;
    const remindAt = reminderInstant(
      fields.remind,
      offset,
      fields.dueDate,
      dueTime,
      timeZone,
      dueAt,
      this.remindTime,
    );
    return this.write(() => {
      const result = this.statements
        .get(
          `INSERT INTO tasks (uid, created_at, updated_at, title, customer_id, deal_id, due_date, due_time,
             time_zone, due_at, reminds, remind_offset_ms, remind_at, reminded_at, priority, notes, rrule,
             series_start, origin, source_key)
           VALUES (@uid, @now, @now, @title, @customerId, @dealId, @dueDate, @dueTime, @timeZone, @dueAt,
             @reminds, @offset, @remindAt, @remindedAt, @priority, @notes, @rrule, @seriesStart, @origin, @sourceKey)
           ON CONFLICT (source_key) DO NOTHING`,
        )
        .run({
          uid: newUid(),
          now,
          title: fields.title,
          customerId: fields.customerId ?? null,
          dealId: fields.dealId ?? null,
          dueDate: fields.dueDate,
          dueTime,
          timeZone,
          dueAt,
          reminds: fields.remind ? 1 : 0,
          offset,
          remindAt,
          remindedAt: remindAt !== null && remindAt <= now ? now : null,
          priority: fields.priority,
          notes: fields.notes,
          rrule: fields.rrule ?? null,
          seriesStart: fields.rrule ? fields.dueDate : null,
          origin: automatic?.origin ?? 'manual',
          sourceKey: automatic?.sourceKey ?? null,
        });
      if (result.changes === 0) return null;
      const id = Number(result.lastInsertRowid);
      if (fields.rrule) this.statements.get('UPDATE tasks SET series_id = id WHERE id = ?').run(id);
      return id;
    });
  }

  /**
   * Changes one row. In a repeating series that is the open occurrence, and the next one is copied
   * from it when it is done (decision 56): title, notes, priority, time, reminder and rule carry on
   * to the ones after it, while a new due day moves this one only (the rule keeps its days).
   */
  update(id: number, patch: TaskPatch): Task {
    const now = this.deps.clock.now();
    const row = this.live(id);
    const issues = this.referenceIssues(
      patch.customerId === undefined ? null : patch.customerId,
      patch.dealId === undefined ? null : patch.dealId,
      'patch.',
    );
    if (issues.length > 0) throw invalidFields(issues);
    if (patch.rrule) parseRrule(patch.rrule, 'patch.rrule');
    const dueDate = patch.dueDate ?? row.dueDate;
    const dueTime = patch.dueTime === undefined ? row.dueTime : patch.dueTime;
    const reminds = patch.remind ?? row.reminds === 1;
    const dueAt = zonedInstant(dueDate, dueTime ?? '00:00', row.timeZone);
    // A value sent again changes nothing: repeating the due day must not drop a snooze.
    const timingChanged =
      dueDate !== row.dueDate ||
      dueTime !== row.dueTime ||
      patch.remindAt !== undefined ||
      reminds !== (row.reminds === 1);
    const offset =
      patch.remindAt === undefined
        ? row.remindOffsetMs
        : patch.remindAt === null
          ? null
          : reminderOffset(patch.remindAt, dueAt, dueDate, dueTime, row.timeZone, 'patch.');
    const remindAt = timingChanged
      ? reminderInstant(reminds, offset, dueDate, dueTime, row.timeZone, dueAt, this.remindTime)
      : row.remindAt;
    const rrule = patch.rrule === undefined ? row.rrule : patch.rrule;
    // A new rule counts (COUNT=) from this occurrence; the same rule sent again keeps the start.
    const ruleChanged = (rrule ?? null) !== row.rrule;
    this.write(() =>
      this.statements
        .get(
          `UPDATE tasks SET title = @title, customer_id = @customerId, deal_id = @dealId, due_date = @dueDate,
             due_time = @dueTime, due_at = @dueAt, reminds = @reminds, remind_offset_ms = @offset,
             remind_at = @remindAt, reminded_at = @remindedAt, priority = @priority, notes = @notes,
             rrule = @rrule, series_id = @seriesId, series_start = @seriesStart, updated_at = @now
           WHERE id = @id`,
        )
        .run({
          id,
          now,
          title: patch.title ?? row.title,
          customerId: patch.customerId === undefined ? row.customerId : patch.customerId,
          dealId: patch.dealId === undefined ? row.dealId : patch.dealId,
          dueDate,
          dueTime,
          dueAt,
          reminds: reminds ? 1 : 0,
          offset,
          remindAt,
          remindedAt: timingChanged ? (remindAt !== null && remindAt <= now ? now : null) : row.remindedAt,
          priority: patch.priority ?? row.priority,
          notes: patch.notes === undefined ? row.notes : patch.notes,
          rrule,
          seriesId: rrule ? (row.seriesId ?? id) : null,
          seriesStart: rrule ? (ruleChanged || !row.seriesStart ? dueDate : row.seriesStart) : null,
        }),
    );
    return this.get(id);
  }

  /**
   * Marks a task done. A recurring one gets its next occurrence: the first after this one's due
   * day that is not already in the past, so finishing a daily task a week late does not leave
   * six overdue copies; occurrences skipped that way still count toward COUNT=.
   */
  complete(id: number): { task: Task; next: Task | null } {
    const now = this.deps.clock.now();
    const row = this.live(id);
    if (row.doneAt !== null) {
      throw invalidFields([{ path: 'id', code: 'invalid', message: 'The task is already done' }]);
    }
    const nextId = this.write(() => {
      this.statements.get('UPDATE tasks SET done_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
      return row.rrule ? this.insertNextOccurrence(row, now) : null;
    });
    return { task: this.get(id), next: nextId === null ? null : this.get(nextId) };
  }

  /** Open again; a next occurrence already written stays (the owner may delete it). */
  reopen(id: number): Task {
    const row = this.live(id);
    if (row.doneAt === null)
      throw invalidFields([{ path: 'id', code: 'invalid', message: 'The task is not done' }]);
    this.write(() =>
      this.statements
        .get('UPDATE tasks SET done_at = NULL, updated_at = ? WHERE id = ?')
        .run(this.deps.clock.now(), id),
    );
    return this.get(id);
  }

  /** Moves this occurrence's reminder (not its due day) and arms it again. */
  snooze(input: SnoozeInput): Task {
    const now = this.deps.clock.now();
    const row = this.live(input.id);
    if (row.doneAt !== null)
      throw invalidFields([{ path: 'id', code: 'invalid', message: 'The task is done' }]);
    const until = snoozeUntil(input, now, this.zone(), this.deps.settings.get().taskRemindTime);
    this.write(() =>
      this.statements
        .get('UPDATE tasks SET remind_at = ?, reminded_at = NULL, reminds = 1, updated_at = ? WHERE id = ?')
        .run(until, now, input.id),
    );
    return this.get(input.id);
  }

  delete(id: number): Task {
    const task = this.get(id);
    const now = this.deps.clock.now();
    this.write(() =>
      this.statements.get('UPDATE tasks SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id),
    );
    return task;
  }

  restore(id: number): Task {
    this.reader.any(id);
    this.write(() =>
      this.statements
        .get('UPDATE tasks SET deleted_at = NULL, updated_at = ? WHERE id = ?')
        .run(this.deps.clock.now(), id),
    );
    return this.get(id);
  }

  private insertNextOccurrence(row: TaskRecord, now: number): number | null {
    const seriesStart = row.seriesStart ?? row.dueDate;
    const today = wallAt(now, row.timeZone).date;
    let due = nextDueDate(row.rrule!, seriesStart, row.dueTime, row.dueDate);
    while (due !== null && due < today) due = nextDueDate(row.rrule!, seriesStart, row.dueTime, due);
    if (due === null) return null;
    const dueAt = zonedInstant(due, row.dueTime ?? '00:00', row.timeZone);
    const remindAt = reminderInstant(
      row.reminds === 1,
      row.remindOffsetMs,
      due,
      row.dueTime,
      row.timeZone,
      dueAt,
      this.remindTime,
    );
    return Number(
      this.statements
        .get(
          `INSERT INTO tasks (uid, created_at, updated_at, title, customer_id, deal_id, due_date, due_time,
             time_zone, due_at, reminds, remind_offset_ms, remind_at, reminded_at, priority, notes, rrule,
             series_id, series_start, origin)
           SELECT @uid, @now, @now, title, customer_id, deal_id, @due, due_time, time_zone, @dueAt, reminds,
             remind_offset_ms, @remindAt, @remindedAt, priority, notes, rrule, coalesce(series_id, id), @seriesStart, origin
           FROM tasks WHERE id = @id`,
        )
        .run({
          id: row.id,
          uid: newUid(),
          now,
          due,
          dueAt,
          remindAt,
          remindedAt: remindAt !== null && remindAt <= now ? now : null,
          seriesStart,
        }).lastInsertRowid,
    );
  }

  private referenceIssues(customerId: number | null, dealId: number | null, prefix: string): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (customerId !== null) {
      const customer = this.statements
        .get('SELECT deleted_at AS deletedAt FROM customers WHERE id = ?')
        .get(customerId) as { deletedAt: number | null } | undefined;
      if (!customer || customer.deletedAt !== null) {
        issues.push({
          path: `${prefix}customerId`,
          code: 'invalid',
          message: `Customer ${customerId} does not exist`,
        });
      }
    }
    if (dealId !== null) {
      const deal = this.statements
        .get('SELECT deleted_at AS deletedAt FROM deals WHERE id = ?')
        .get(dealId) as { deletedAt: number | null } | undefined;
      if (!deal || deal.deletedAt !== null) {
        issues.push({ path: `${prefix}dealId`, code: 'invalid', message: `Deal ${dealId} does not exist` });
      }
    }
    return issues;
  }

  private live(id: number): TaskRecord {
    const row = this.reader.any(id);
    if (row.deletedAt !== null)
      throw new AppError('NOT_FOUND', `Task ${id} is in the trash; restore it first.`);
    return row;
  }

  private present(row: TaskRecord): Task {
    return toTask(row, this.deps.clock.now());
  }

  private zone(): string {
    return this.deps.timeZone?.() ?? machineTimeZone();
  }

  /**
   * Many writes as one: one transaction, and one change event and scheduler re-arm at the end
   * (if anything was written) instead of one per task. The automation's first pass over 100,000
   * customers writes thousands of follow-ups on the window's thread; per task, the commit, the
   * event and the re-arm were most of its ~4 s.
   */
  batch<T>(body: () => T): T {
    if (this.batching) return body();
    const batching = (this.batching = { wrote: false });
    let result: T;
    try {
      result = this.deps.sqlite.transaction(body)();
    } finally {
      this.batching = null;
    }
    if (batching.wrote) this.changed();
    return result;
  }

  /** Set inside `batch`: whether anything was written, and the settings read once for all of it. */
  private batching: { wrote: boolean; remindTime?: string } | null = null;

  private write<T>(body: () => T): T {
    // In a batch the batch's transaction holds every write: a failure rolls all of it back.
    if (this.batching) {
      const result = body();
      this.batching.wrote = true;
      return result;
    }
    const result = this.deps.sqlite.transaction(body)();
    this.changed();
    return result;
  }

  /** The owner's default reminder time; a batch reads Settings once, not once per task. */
  private readonly remindTime = (): string => {
    if (!this.batching) return this.deps.settings.get().taskRemindTime;
    return (this.batching.remindTime ??= this.deps.settings.get().taskRemindTime);
  };

  private changed(): void {
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'tasks' } });
    this.deps.onChange?.();
  }
}
