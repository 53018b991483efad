import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { businessRowColumns } from './columns';
import { customers } from './customers';
import { deals } from './deals';

/**
 * Follow-ups. One row per occurrence: completing a recurring task writes the next one, so each
 * occurrence has its own reminder state (`reminded_at`, set once, in the UPDATE that claims it:
 * two windows or a restart can never fire it twice).
 */
export const tasks = sqliteTable(
  'tasks',
  {
    ...businessRowColumns(),
    title: text('title').notNull(),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    dealId: integer('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    dueDate: text('due_date').notNull(),
    /** Wall-clock `HH:MM` in `time_zone`; null = all day. */
    dueTime: text('due_time'),
    timeZone: text('time_zone').notNull(),
    /** The due instant (start of the day when all day), for sorting and "overdue". */
    dueAt: integer('due_at').notNull(),
    /** false = the owner wants no reminder for this task. */
    reminds: integer('reminds', { mode: 'boolean' }).notNull().default(true),
    /**
     * The owner's own reminder as an offset from the due instant, carried to each next
     * occurrence; null = the default (the due time, or the reminder time of an all-day task's day).
     */
    remindOffsetMs: integer('remind_offset_ms'),
    /** This occurrence's reminder (moved by a snooze); null when it does not remind. */
    remindAt: integer('remind_at'),
    remindedAt: integer('reminded_at'),
    priority: text('priority', { enum: ['low', 'normal', 'high'] }).notNull(),
    notes: text('notes'),
    rrule: text('rrule'),
    /** The first occurrence's id; the series' DTSTART is that row's due day and time. */
    seriesId: integer('series_id'),
    seriesStart: text('series_start'),
    origin: text('origin', { enum: ['manual', 'keep_in_touch', 'birthday', 'rule'] }).notNull(),
    /** What an automatic task was made for (`birthday:12:2027`): made at most once. */
    sourceKey: text('source_key'),
    doneAt: integer('done_at'),
  },
  (table) => [
    index('tasks_open_due_idx').on(table.doneAt, table.deletedAt, table.dueAt),
    index('tasks_remind_idx').on(table.remindedAt, table.remindAt),
    index('tasks_customer_idx').on(table.customerId),
    index('tasks_deal_idx').on(table.dealId),
    uniqueIndex('tasks_source_key_idx').on(table.sourceKey),
  ],
);
export type TaskRow = typeof tasks.$inferSelect;

export const taskRules = sqliteTable('task_rules', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['segment_entered', 'deal_stale', 'after_order'] }).notNull(),
  days: integer('days').notNull(),
  segment: text('segment'),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  title: text('title'),
  /**
   * Set by the first evaluation after the rule is turned on (null until then): a rule acts on
   * what happens after it, not on years of imported orders or everyone already At Risk.
   */
  activeSince: integer('active_since'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
export type TaskRuleRow = typeof taskRules.$inferSelect;

/**
 * Which entities a rule has already acted on while the condition holds (a customer in the
 * segment, a deal stale since a given activity). Cleared when the condition ends, so a customer
 * who leaves At Risk and enters it again gets a new follow-up, and never two for one entry.
 */
export const taskRuleHits = sqliteTable(
  'task_rule_hits',
  {
    ruleId: integer('rule_id')
      .notNull()
      .references(() => taskRules.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id').notNull(),
    at: integer('at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.ruleId, table.entityId] })],
);
