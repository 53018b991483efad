import { newUid } from '../../core/uid';
import type { ConversationKind } from '../../../src-shared/contract';
import { refreshCustomerStats } from '../../activity/stats';
import { instantCell, integerCell, textCell } from '../cells';
import type { MappedRow } from '../columns';
import { CustomerStateWriter } from '../customers/customerWrites';
import {
  WRITE_CHECK_EVERY,
  type CommitContext,
  type KindCounts,
  type KindImport,
  type KindImportContext,
} from '../kindImport';
import { CustomerResolver, customerIdOf, type CustomerRef } from './customerResolver';

interface PlannedConversation {
  customer: CustomerRef;
  kind: ConversationKind;
  direction: 'inbound' | 'outbound' | null;
  occurredAt: number;
  subject: string | null;
  body: string | null;
  durationMinutes: number | null;
}

const KIND_WORDS: Record<string, ConversationKind> = {
  call: 'call',
  phone: 'call',
  电话: 'call',
  通话: 'call',
  email: 'email',
  mail: 'email',
  邮件: 'email',
  meeting: 'meeting',
  会议: 'meeting',
  面谈: 'meeting',
  见面: 'meeting',
  wechat: 'wechat',
  微信: 'wechat',
  message: 'message',
  sms: 'message',
  短信: 'message',
  消息: 'message',
  visit: 'visit',
  拜访: 'visit',
  上门: 'visit',
  note: 'note',
  备注: 'note',
  笔记: 'note',
};

const DIRECTION_WORDS: Record<string, 'inbound' | 'outbound'> = {
  in: 'inbound',
  inbound: 'inbound',
  incoming: 'inbound',
  呼入: 'inbound',
  来电: 'inbound',
  客户来访: 'inbound',
  out: 'outbound',
  outbound: 'outbound',
  outgoing: 'outbound',
  呼出: 'outbound',
  去电: 'outbound',
};

/** Conversations from a file (a call log, a WeChat export), each on its customer's timeline. */
export class ConversationImport implements KindImport {
  private readonly resolver: CustomerResolver;
  private readonly conversations: PlannedConversation[] = [];

  constructor(private readonly context: KindImportContext) {
    const { sqlite, options, cells } = context;
    this.resolver = new CustomerResolver(sqlite, options.customerBy, options.createMissingCustomers, cells);
  }

  add(row: MappedRow): void {
    const occurredAt = instantCell(row, 'occurredAt', this.context.cells);
    if (occurredAt === null) row.reject('required', 'occurredAt');
    const kindText = row.text('kind').toLowerCase();
    const kind = kindText === '' ? 'note' : KIND_WORDS[kindText];
    if (!kind) row.reject('option', 'kind');
    const directionText = row.text('direction').toLowerCase();
    const direction = directionText === '' ? null : DIRECTION_WORDS[directionText];
    if (direction === undefined) row.reject('option', 'direction');
    const durationMinutes = integerCell(row, 'durationMinutes', 'number');
    if (durationMinutes !== null && durationMinutes < 0) row.reject('number', 'durationMinutes');
    const subject = textCell(row, 'subject', 300);
    const body = textCell(row, 'body', 20_000);
    this.conversations.push({
      customer: this.resolver.resolve(row),
      kind,
      direction,
      occurredAt,
      subject,
      body,
      durationMinutes,
    });
  }

  finish(): void {}

  counts(): KindCounts {
    return {
      create: this.conversations.length,
      update: 0,
      skip: 0,
      refunds: 0,
      customersCreated: this.resolver.newCustomers.length,
    };
  }

  commit(write: CommitContext): { createdTagIds: number[] } {
    const { sqlite, region, settings } = this.context;
    this.resolver.createPlanned(new CustomerStateWriter(sqlite, region), write);
    const insert = sqlite.prepare(
      `INSERT INTO conversations (uid, created_at, updated_at, customer_id, kind, direction, occurred_at, subject, body,
         duration_minutes, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const index = sqlite.prepare(
      'INSERT INTO conversation_search (rowid, subject, body, customer_id) VALUES (?, ?, ?, ?)',
    );
    const customers = new Set<number>();
    this.conversations.forEach((conversation, position) => {
      const customerId = customerIdOf(conversation.customer);
      customers.add(customerId);
      const id = insert.run(
        newUid(),
        write.now,
        write.now,
        customerId,
        conversation.kind,
        conversation.direction,
        conversation.occurredAt,
        conversation.subject,
        conversation.body,
        conversation.durationMinutes,
        write.batchId,
      ).lastInsertRowid;
      index.run(id, conversation.subject ?? '', conversation.body ?? '', customerId);
      if ((position + 1) % WRITE_CHECK_EVERY === 0) {
        write.checkCancelled();
        write.progress(position + 1, this.conversations.length);
      }
    });
    refreshCustomerStats(sqlite, [...customers], settings.currency);
    write.progress(this.conversations.length, this.conversations.length);
    return { createdTagIds: [] };
  }
}
