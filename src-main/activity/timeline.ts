import type Database from 'better-sqlite3';
import { and, eq, gte, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  TIMELINE_KINDS,
  timelineItemId,
  type CustomerEvent,
  type ParsedInput,
  type TimelineItem,
  type TimelineKind,
} from '../../src-shared/contract';
import { toIso } from '../core/clock';
import { invalidFields, notFound } from '../core/errors';
import type { Db } from '../db/open';
import { Statements } from '../db/statements';
import {
  conversations,
  customerEvents,
  customers,
  feedback,
  orders,
  tags,
  type CustomerEventRow,
} from '../db/schema';
import { toConversation } from './conversations';
import { toFeedbackEntry } from './feedback';
import { toOrders } from './orders';

type TimelineInput = ParsedInput<'customers.timeline'>;

/** Where each kind keeps its instant, and whether it has a trash to leave out. */
const SOURCES: Record<TimelineKind, { table: string; at: string; trash: boolean }> = {
  order: { table: 'orders', at: 'ordered_at', trash: true },
  conversation: { table: 'conversations', at: 'occurred_at', trash: true },
  feedback: { table: 'feedback', at: 'answered_at', trash: true },
  event: { table: 'customer_events', at: 'at', trash: false },
};

const FAR_FUTURE = Number.MAX_SAFE_INTEGER;
const FAR_PAST = Number.MIN_SAFE_INTEGER;

/** `SELECT at` over the chosen kinds for one customer, each arm filtered by `condition` on its instant. */
function instantsSql(kinds: TimelineKind[], condition: string, perArmLimit: boolean): string {
  return kinds
    .map((kind) => {
      const { table, at, trash } = SOURCES[kind];
      const limit = perArmLimit ? `ORDER BY ${at} DESC LIMIT @limit` : '';
      return `SELECT at FROM (SELECT ${at} AS at FROM ${table}
        WHERE customer_id = @customerId ${trash ? 'AND deleted_at IS NULL' : ''} AND ${at} ${condition} ${limit})`;
    })
    .join(' UNION ALL ');
}

/**
 * One customer's history, newest first: orders (with lines), conversations, feedback and record
 * events, leaving out whatever is in the trash.
 *
 * Paging and ties. The cursor is an instant (`before` = the `at` of the last item shown), so a
 * page never ends in the middle of a group of items sharing one instant: it takes the `limit`
 * newest items and then every other item at the same instant as the last of them. A page can
 * therefore be longer than `limit` (an import that stamped many rows with one instant), but the
 * next page (`at < before`) neither skips nor repeats anything. Within one instant items are
 * ordered by kind (order, conversation, feedback, event) and then newest id first.
 */
export class Timeline {
  private readonly statements: Statements;

  constructor(
    sqlite: Database.Database,
    private readonly db: Db,
  ) {
    this.statements = new Statements(sqlite);
  }

  read(input: TimelineInput): { items: TimelineItem[]; hasMore: boolean } {
    const before = input.before === undefined ? FAR_FUTURE : Date.parse(input.before);
    if (Number.isNaN(before)) {
      throw invalidFields([{ path: 'before', code: 'date', message: 'Not a valid instant' }]);
    }
    const exists = this.db
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.id, input.customerId))
      .get();
    if (!exists) throw notFound('Customer', input.customerId);

    const kinds = TIMELINE_KINDS.filter((kind) => input.kinds === undefined || input.kinds.includes(kind));
    const params = { customerId: input.customerId, before, limit: input.limit };
    // The instant of the limit-th newest item: the page holds everything from it up to `before`.
    const cutoff = this.statements
      .get(`${instantsSql(kinds, '< @before', true)} ORDER BY at DESC LIMIT 1 OFFSET @limit - 1`)
      .get(params) as { at: number } | undefined;
    const from = cutoff?.at ?? FAR_PAST;
    const more = this.statements.get(`SELECT EXISTS (${instantsSql(kinds, '< @cutoff', false)}) AS more`);
    const hasMore =
      cutoff !== undefined &&
      (more.get({ customerId: input.customerId, cutoff: from }) as { more: number }).more === 1;
    const items = kinds.flatMap((kind) => this.itemsOf(kind, input.customerId, from, before));
    items.sort(newestFirst);
    return { items, hasMore };
  }

  private itemsOf(kind: TimelineKind, customerId: number, from: number, before: number): TimelineItem[] {
    const window = (
      at: SQLiteColumn,
      customerColumn: SQLiteColumn,
      deleted?: SQLiteColumn,
    ): SQL | undefined =>
      and(
        eq(customerColumn, customerId),
        gte(at, from),
        lt(at, before),
        deleted ? isNull(deleted) : undefined,
      );
    switch (kind) {
      case 'order': {
        const rows = this.db
          .select()
          .from(orders)
          .where(window(orders.orderedAt, orders.customerId, orders.deletedAt))
          .all();
        return toOrders(this.db, rows).map((order) => ({ kind, at: order.orderedAt, order }));
      }
      case 'conversation':
        return this.db
          .select()
          .from(conversations)
          .where(window(conversations.occurredAt, conversations.customerId, conversations.deletedAt))
          .all()
          .map(toConversation)
          .map((conversation) => ({ kind, at: conversation.occurredAt, conversation }));
      case 'feedback':
        return this.db
          .select()
          .from(feedback)
          .where(window(feedback.answeredAt, feedback.customerId, feedback.deletedAt))
          .all()
          .map(toFeedbackEntry)
          .map((entry) => ({ kind, at: entry.answeredAt, feedback: entry }));
      case 'event': {
        const rows = this.db
          .select()
          .from(customerEvents)
          .where(window(customerEvents.at, customerEvents.customerId))
          .all();
        return this.toEvents(rows).map((event) => ({ kind, at: event.at, event }));
      }
    }
  }

  /** Event details as stored, plus the tag's current name on tag events (a renamed tag reads as it is now). */
  private toEvents(rows: CustomerEventRow[]): CustomerEvent[] {
    const data = rows.map((row) => parseData(row.data));
    const tagIds = [
      ...new Set(data.map((details) => details.tagId).filter((id): id is number => typeof id === 'number')),
    ];
    const names = new Map(
      tagIds.length === 0
        ? []
        : this.db
            .select({ id: tags.id, name: tags.name })
            .from(tags)
            .where(inArray(tags.id, tagIds))
            .all()
            .map((tag) => [tag.id, tag.name] as const),
    );
    return rows.map((row, index) => {
      const details = data[index] ?? {};
      const tagName = typeof details.tagId === 'number' ? names.get(details.tagId) : undefined;
      return {
        id: row.id,
        kind: row.kind,
        at: toIso(row.at),
        data: tagName === undefined ? details : { ...details, tagName },
      };
    });
  }
}

const KIND_RANK: Record<TimelineKind, number> = { order: 0, conversation: 1, feedback: 2, event: 3 };

/** Newest instant first; the tie rule documented on Timeline. ISO strings in UTC sort as instants. */
function newestFirst(a: TimelineItem, b: TimelineItem): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || timelineItemId(b) - timelineItemId(a);
}

function parseData(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
