import { asc, count, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';
import type { Customer, CustomerPage, CustomerSortField, ParsedInput } from '../../src-shared/contract';
import type { Clock } from '../core/clock';
import { toIso, toIsoOrNull } from '../core/clock';
import { notFound } from '../core/errors';
import type { EventHub } from '../core/events';
import type { Db } from '../db/open';
import { customers, type CustomerRow } from '../db/schema';

export type CustomerFields = ParsedInput<'customers.create'>;
export type CustomerPatch = ParsedInput<'customers.update'>['patch'];
export type CustomerListQuery = ParsedInput<'customers.list'>;

const SORT_COLUMNS = {
  name: customers.name,
  company: customers.company,
  email: customers.email,
  phone: customers.phone,
  city: customers.city,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  deletedAt: customers.deletedAt,
} satisfies Record<CustomerSortField, unknown>;

function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    uid: row.uid,
    name: row.name,
    company: row.company,
    email: row.email,
    phone: row.phone,
    city: row.city,
    notes: row.notes,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    deletedAt: toIsoOrNull(row.deletedAt),
  };
}

/** Customer records: create, edit, list, and the trash (delete marks, restore unmarks; nothing is erased here). */
export class CustomerService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventHub,
  ) {}

  create(fields: CustomerFields): Customer {
    const now = this.clock.now();
    const row = this.db
      .insert(customers)
      .values({ ...fields, uid: uuidv7(), createdAt: now, updatedAt: now })
      .returning()
      .get();
    this.changed();
    return toCustomer(row);
  }

  get(id: number): Customer {
    const row = this.db.select().from(customers).where(eq(customers.id, id)).get();
    if (!row) throw notFound('Customer', id);
    return toCustomer(row);
  }

  update(id: number, patch: CustomerPatch): Customer {
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    return this.write(id, changes);
  }

  list(query: CustomerListQuery): CustomerPage {
    const inTrash = query.view === 'trash';
    const where: SQL = inTrash ? isNotNull(customers.deletedAt) : isNull(customers.deletedAt);
    const sort = query.sort ?? { field: inTrash ? 'deletedAt' : 'updatedAt', direction: 'desc' };
    const order = sort.direction === 'asc' ? asc : desc;
    const rows = this.db
      .select()
      .from(customers)
      .where(where)
      // The id tie-breaker keeps paging stable when many rows share a sort value.
      .orderBy(order(SORT_COLUMNS[sort.field]), order(customers.id))
      .limit(query.pageSize)
      .offset(query.page * query.pageSize)
      .all();
    const total = this.db.select({ n: count() }).from(customers).where(where).get()?.n ?? 0;
    return { rows: rows.map(toCustomer), total, page: query.page, pageSize: query.pageSize };
  }

  /** Deleting again keeps the first deletion time: how long something sat in the trash must not reset. */
  delete(id: number): Customer {
    return this.write(id, { deletedAt: sql`coalesce(${customers.deletedAt}, ${this.clock.now()})` });
  }

  restore(id: number): Customer {
    return this.write(id, { deletedAt: null });
  }

  /** One UPDATE … RETURNING: the row comes back changed, or not at all when the id does not exist. */
  private write(id: number, changes: SQLiteUpdateSetSource<typeof customers>): Customer {
    const row = this.db
      .update(customers)
      .set({ ...changes, updatedAt: this.clock.now() })
      .where(eq(customers.id, id))
      .returning()
      .get();
    if (!row) throw notFound('Customer', id);
    this.changed();
    return toCustomer(row);
  }

  private changed(): void {
    this.events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
  }
}
