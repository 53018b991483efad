import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Customer, CustomerAnalyticsFacts, CustomerRowView, TagRef } from '../../src-shared/contract';
import { toIso, toIsoOrNull } from '../core/clock';
import { notFound } from '../core/errors';
import type { Db } from '../db/open';
import { customerContacts, customers, customerTags, tags, type CustomerRow } from '../db/schema';
import { parseCustomValues } from './customValues';

/** Live tags of many customers in one query. */
export function tagsByCustomer(db: Db, customerIds: number[]): Map<number, TagRef[]> {
  const result = new Map<number, TagRef[]>();
  if (customerIds.length === 0) return result;
  const rows = db
    .select({ customerId: customerTags.customerId, id: tags.id, name: tags.name, color: tags.color })
    .from(customerTags)
    .innerJoin(tags, eq(tags.id, customerTags.tagId))
    .where(and(inArray(customerTags.customerId, customerIds), isNull(tags.deletedAt)))
    .orderBy(asc(tags.name))
    .all();
  for (const { customerId, ...tag } of rows) {
    const list = result.get(customerId) ?? [];
    list.push(tag);
    result.set(customerId, list);
  }
  return result;
}

/** The latest analytics run's facts, copied onto the row when the run was stored. */
function analyticsFacts(row: CustomerRow): CustomerAnalyticsFacts | null {
  if (row.segment === null) return null;
  return {
    segment: row.segment as CustomerAnalyticsFacts['segment'],
    cluster: row.cluster,
    churnRisk: row.churnRisk,
    clvCents: row.clvCents,
  };
}

export function toCustomerRow(row: CustomerRow, tagRefs: TagRef[]): CustomerRowView {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    jobTitle: row.jobTitle,
    email: row.email,
    phone: row.phone,
    wechat: row.wechat,
    country: row.country,
    province: row.province,
    city: row.city,
    source: row.source,
    stage: row.stage,
    birthday: row.birthday,
    tags: tagRefs,
    custom: parseCustomValues(row.customValues),
    revenueCents: row.revenueCents,
    orderCount: row.orderCount,
    lastOrderAt: toIsoOrNull(row.lastOrderAt),
    lastContactAt: toIsoOrNull(row.lastContactAt),
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    deletedAt: toIsoOrNull(row.deletedAt),
    analytics: analyticsFacts(row),
  };
}

/** List rows with their tags, in the order given. */
export function toCustomerRows(db: Db, rows: CustomerRow[]): CustomerRowView[] {
  const tagMap = tagsByCustomer(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toCustomerRow(row, tagMap.get(row.id) ?? []));
}

/** The full record of one customer (in the trash or not). */
export function readCustomer(db: Db, id: number): Customer {
  const row = db.select().from(customers).where(eq(customers.id, id)).get();
  if (!row) throw notFound('Customer', id);
  const contacts = db
    .select()
    .from(customerContacts)
    .where(eq(customerContacts.customerId, id))
    .orderBy(asc(customerContacts.position))
    .all();
  return {
    id: row.id,
    uid: row.uid,
    name: row.name,
    company: row.company,
    jobTitle: row.jobTitle,
    emails: contacts.filter((c) => c.kind === 'email').map((c) => c.value),
    phones: contacts
      .filter((c) => c.kind === 'phone')
      .map((c) => ({ value: c.value, e164: c.normalized, valid: c.valid })),
    wechat: row.wechat,
    country: row.country,
    province: row.province,
    city: row.city,
    street: row.street,
    postcode: row.postcode,
    source: row.source,
    stage: row.stage,
    birthday: row.birthday,
    notes: row.notes,
    consent: row.consent,
    consentAt: toIsoOrNull(row.consentAt),
    tags: tagsByCustomer(db, [id]).get(id) ?? [],
    custom: parseCustomValues(row.customValues),
    stats: {
      revenueCents: row.revenueCents,
      orderCount: row.orderCount,
      firstOrderAt: toIsoOrNull(row.firstOrderAt),
      lastOrderAt: toIsoOrNull(row.lastOrderAt),
      lastContactAt: toIsoOrNull(row.lastContactAt),
    },
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    deletedAt: toIsoOrNull(row.deletedAt),
  };
}
