import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Conversation, ParsedInput } from '../../src-shared/contract';
import { toIso } from '../core/clock';
import { notFound } from '../core/errors';
import type { Db } from '../db/open';
import { conversations, type ConversationRow } from '../db/schema';
import { ActivityService, sentOnly } from './activityService';
import { epochOf, type ActivityDeps } from './context';

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
export class ConversationService extends ActivityService<Conversation> {
  constructor(deps: ActivityDeps) {
    super(deps, {
      table: 'conversations',
      noun: 'Conversation',
      feedsStats: true,
      read: readConversation,
      // In the trash means out of search.
      afterTrashMove: (id) => reindexConversation(deps.sqlite, id),
    });
  }

  create(fields: ConversationFields): Conversation {
    const { db, sqlite } = this.deps;
    return this.insertFor(fields.customerId, (base) => {
      const row = db
        .insert(conversations)
        .values({
          ...base,
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
      return row.id;
    });
  }

  update(id: number, patch: ConversationPatch): Conversation {
    const { db, sqlite, clock } = this.deps;
    return this.edit(
      id,
      () => db.select().from(conversations).where(eq(conversations.id, id)).get(),
      () => {
        const { occurredAt, ...scalars } = patch;
        db.update(conversations)
          .set({
            ...sentOnly(scalars),
            ...(occurredAt !== undefined ? { occurredAt: epochOf(occurredAt) } : {}),
            updatedAt: clock.now(),
          })
          .where(eq(conversations.id, id))
          .run();
        reindexConversation(sqlite, id);
      },
    );
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
