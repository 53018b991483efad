import type Database from 'better-sqlite3';
import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { effectiveRegion, type Customer, type ParsedInput } from '../../src-shared/contract';
import type { Clock } from '../core/clock';
import { notFound } from '../core/errors';
import type { EventHub } from '../core/events';
import type { Db } from '../db/open';
import { customers } from '../db/schema';
import type { SettingsService } from '../settings/service';
import { readCustomer } from './read';
import { CustomerRecords } from './records';
import { nameSortKey } from './sortKey';
import { checkCustomerReferences } from './validate';
import { localDate } from '../core/localDate';

export type CustomerFields = ParsedInput<'customers.create'>;
export type CustomerPatch = ParsedInput<'customers.update'>['patch'];

const DAY_MS = 86_400_000;
const SEARCHED_FIELDS = ['name', 'company', 'wechat', 'notes', 'emails', 'phones'] as const;

export interface CustomerDeps {
  sqlite: Database.Database;
  db: Db;
  clock: Clock;
  events: EventHub;
  settings: SettingsService;
}

/** Customer records: create, edit, the trash (delete marks, restore unmarks) and purging it. */
export class CustomerService {
  readonly records: CustomerRecords;

  constructor(private readonly deps: CustomerDeps) {
    this.records = new CustomerRecords(deps.sqlite);
  }

  create(fields: CustomerFields): Customer {
    const { sqlite, db, clock } = this.deps;
    const settings = this.deps.settings.get();
    const now = clock.now();
    const id = sqlite.transaction(() => {
      const custom = checkCustomerReferences(db, fields, { settings, today: today(now) });
      const newId = this.records.insert(
        { ...fields, custom: custom ?? {} },
        { now, region: effectiveRegion(settings) },
      );
      this.records.recordEvent(newId, 'created', now);
      return newId;
    })();
    this.changed();
    return readCustomer(db, id);
  }

  get(id: number): Customer {
    return readCustomer(this.deps.db, id);
  }

  update(id: number, patch: CustomerPatch): Customer {
    const { sqlite, db, clock } = this.deps;
    const settings = this.deps.settings.get();
    const now = clock.now();
    sqlite.transaction(() => {
      const current = db.select().from(customers).where(eq(customers.id, id)).get();
      if (!current) throw notFound('Customer', id);
      const custom = checkCustomerReferences(db, patch, { settings, today: today(now), current });
      const { emails, phones, tagIds, custom: _custom, jobTitle, ...scalars } = patch;
      const changes = Object.fromEntries(Object.entries(scalars).filter(([, value]) => value !== undefined));
      db.update(customers)
        .set({
          ...changes,
          ...(jobTitle !== undefined ? { jobTitle } : {}),
          ...(patch.name !== undefined ? { nameSort: nameSortKey(patch.name) } : {}),
          ...(patch.consent !== undefined && patch.consent !== current.consent ? { consentAt: now } : {}),
          ...(custom !== undefined ? { customValues: JSON.stringify(custom) } : {}),
          updatedAt: now,
        })
        .where(eq(customers.id, id))
        .run();
      if (emails !== undefined || phones !== undefined) {
        const before = readCustomer(db, id);
        this.records.setContacts(
          id,
          emails ?? before.emails,
          phones ?? before.phones.map((phone) => phone.value),
          effectiveRegion(settings),
        );
      }
      if (tagIds !== undefined) this.retag(id, tagIds, now);
      if (patch.stage !== undefined && patch.stage !== current.stage) {
        this.records.recordEvent(id, 'stage_changed', now, { from: current.stage, to: patch.stage });
      }
      if (SEARCHED_FIELDS.some((field) => patch[field] !== undefined)) this.records.reindex(id);
    })();
    this.changed();
    return readCustomer(db, id);
  }

  /** Deleting again keeps the first deletion time: how long something sat in the trash must not reset. */
  delete(id: number): Customer {
    return this.mark(id, sql`coalesce(${customers.deletedAt}, ${this.deps.clock.now()})`);
  }

  restore(id: number): Customer {
    return this.mark(id, null);
  }

  /** Erases customers that have been in the trash longer than the given (or configured) number of days. */
  purge(olderThanDays: number | undefined): { purged: number } {
    const { sqlite, db, clock } = this.deps;
    const days = olderThanDays ?? this.deps.settings.get().trashPurgeDays;
    const cutoff = clock.now() - days * DAY_MS;
    const purged = sqlite.transaction(() => {
      const doomed = db
        .select({ id: customers.id })
        .from(customers)
        .where(and(isNotNull(customers.deletedAt), lte(customers.deletedAt, cutoff)))
        .all();
      for (const { id } of doomed) {
        this.records.removeFromIndex(id);
        sqlite.prepare('DELETE FROM conversation_search WHERE customer_id = ?').run(id);
        db.delete(customers).where(eq(customers.id, id)).run();
      }
      return doomed.length;
    })();
    if (purged > 0) this.changed();
    return { purged };
  }

  /** Replaces the customer's tags and notes each added or removed one on the timeline. */
  private retag(id: number, tagIds: number[], now: number): void {
    const before = new Set(readCustomer(this.deps.db, id).tags.map((tag) => tag.id));
    const after = new Set(tagIds);
    this.records.setTags(id, [...after]);
    for (const tagId of after)
      if (!before.has(tagId)) this.records.recordEvent(id, 'tag_added', now, { tagId });
    for (const tagId of before)
      if (!after.has(tagId)) this.records.recordEvent(id, 'tag_removed', now, { tagId });
  }

  private mark(id: number, deletedAt: ReturnType<typeof sql> | null): Customer {
    const row = this.deps.db
      .update(customers)
      .set({ deletedAt, updatedAt: this.deps.clock.now() })
      .where(eq(customers.id, id))
      .returning({ id: customers.id })
      .get();
    if (!row) throw notFound('Customer', id);
    this.changed();
    return readCustomer(this.deps.db, id);
  }

  private changed(): void {
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
  }
}

/** The calendar day of an instant on this machine's clock (the owner's), `YYYY-MM-DD`. */
export const today = localDate;
