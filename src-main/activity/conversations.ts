import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Conversation, ParsedInput } from '../../src-shared/contract';
import { toIso } from '../core/clock';
import { notFound } from '../core/errors';
import type { Db } from '../db/open';
import { conversations, type ConversationRow } from '../db/schema';
import {
  epochOf,
  requireEditable,
  requireLiveCustomer,
  setTrashed,
  writeWithStats,
  type ActivityDeps,
} from './context';

type ConversationFields = ParsedInput<'conversations.create'>;
type ConversationPatch = ParsedInput<'conversations.update'>['patch'];

/**
 * Keeps the conversation's row in `conversation_search` (rowid = conversation id) in step with
 * the stored conversation: present while it is outside the trash, gone while it is in it, so
 * search never finds a customer through a deleted conversation. Merges call it after moving
 * conversations to the kept customer.
 */
export function reindexConversation(sqlite: Database.Database, id: number): void {
  sqlite.prepare('DELETE FROM conversation_search WHERE rowid = ?').run(id);
  sqlite
    .prepare(
      `INSERT INTO conversation_search (rowid, subject, body, customer_id)
       SELECT id, coalesce(subject, ''), coalesce(body, ''), customer_id FROM conversations
       WHERE id = ? AND deleted_at IS NULL`,
    )
    .run(id);
}

/** Conversations (沟通记录): calls, mails, meetings, WeChat… logged against a customer. */
export class ConversationService {
  constructor(private readonly deps: ActivityDeps) {}

  create(fields: ConversationFields): Conversation {
    const { db, sqlite, clock } = this.deps;
    const now = clock.now();
    const id = writeWithStats(this.deps, () => {
      requireLiveCustomer(db, fields.customerId);
      const row = db
        .insert(conversations)
        .values({
          uid: uuidv7(),
          createdAt: now,
          updatedAt: now,
          customerId: fields.customerId,
          kind: fields.kind,
          direction: fields.direction,
          occurredAt: epochOf(fields.occurredAt),
          subject: fields.subject,
          body: fields.body,
          durationMinutes: fields.durationMinutes,
        })
        .returning({ id: conversations.id })
        .get();
      reindexConversation(sqlite, row.id);
      return { result: row.id, customerIds: [fields.customerId] };
    });
    return readConversation(db, id);
  }

  update(id: number, patch: ConversationPatch): Conversation {
    const { db, sqlite, clock } = this.deps;
    writeWithStats(this.deps, () => {
      const current = requireEditable(
        'Conversation',
        id,
        db.select().from(conversations).where(eq(conversations.id, id)).get(),
      );
      requireLiveCustomer(db, current.customerId);
      const { occurredAt, ...scalars } = patch;
      const changes = Object.fromEntries(Object.entries(scalars).filter(([, value]) => value !== undefined));
      db.update(conversations)
        .set({
          ...changes,
          ...(occurredAt !== undefined ? { occurredAt: epochOf(occurredAt) } : {}),
          updatedAt: clock.now(),
        })
        .where(eq(conversations.id, id))
        .run();
      reindexConversation(sqlite, id);
      return { result: undefined, customerIds: [current.customerId] };
    });
    return readConversation(db, id);
  }

  /** Moves the conversation to the trash (out of search); deleting again keeps the first deletion time. */
  delete(id: number): Conversation {
    return this.trash(id, true);
  }

  restore(id: number): Conversation {
    return this.trash(id, false);
  }

  private trash(id: number, trashed: boolean): Conversation {
    writeWithStats(this.deps, () => {
      const customerId = setTrashed(this.deps, 'conversations', 'Conversation', id, trashed);
      reindexConversation(this.deps.sqlite, id);
      return { result: undefined, customerIds: [customerId] };
    });
    return readConversation(this.deps.db, id);
  }
}

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    uid: row.uid,
    customerId: row.customerId,
    kind: row.kind,
    direction: row.direction,
    occurredAt: toIso(row.occurredAt),
    subject: row.subject,
    body: row.body,
    durationMinutes: row.durationMinutes,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

export function readConversation(db: Db, id: number): Conversation {
  const row = db.select().from(conversations).where(eq(conversations.id, id)).get();
  if (!row) throw notFound('Conversation', id);
  return toConversation(row);
}
