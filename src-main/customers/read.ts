import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import type { Customer, CustomerAnalyticsFacts, CustomerRowView, TagRef } from '../../src-shared/contract';
import { toIso, toIsoOrNull } from '../core/clock';
import { notFound } from '../core/errors';
import type { Db } from '../db/open';
import {
  analyticsRuns,
  analyticsScores,
  customerContacts,
  customers,
  customerTags,
  tags,
  type CustomerRow,
} from '../db/schema';

/** Stored custom values, ignoring anything unreadable rather than failing the whole page. */
export function parseCustomValues(json: string): Record<string, string | number> {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, string | number] =>
          typeof entry[1] === 'string' || typeof entry[1] === 'number',
      ),
    );
  } catch {
    return {};
  }
}

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

/** The latest analytics run's facts for many customers in one query (none before the first run). */
export function analyticsFactsByCustomer(db: Db, customerIds: number[]): Map<number, CustomerAnalyticsFacts> {
  const result = new Map<number, CustomerAnalyticsFacts>();
  if (customerIds.length === 0) return result;
  const latest = db
    .select({ id: max(analyticsRuns.id) })
    .from(analyticsRuns)
    .get()?.id;
  if (latest === null || latest === undefined) return result;
  const rows = db
    .select({
      customerId: analyticsScores.customerId,
      segment: analyticsScores.segment,
      cluster: analyticsScores.cluster,
      churnRisk: analyticsScores.churnRisk,
      clvCents: analyticsScores.clvCents,
    })
    .from(analyticsScores)
    .where(and(eq(analyticsScores.runId, latest), inArray(analyticsScores.customerId, customerIds)))
    .all();
  for (const { customerId, ...facts } of rows) {
    result.set(customerId, { ...facts, segment: facts.segment as CustomerAnalyticsFacts['segment'] });
  }
  return result;
}

export function toCustomerRow(
  row: CustomerRow,
  tagRefs: TagRef[],
  analytics: CustomerAnalyticsFacts | null = null,
): CustomerRowView {
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
    analytics,
  };
}

/** List rows with their tags and analytics facts, in the order given. */
export function toCustomerRows(db: Db, rows: CustomerRow[]): CustomerRowView[] {
  const ids = rows.map((row) => row.id);
  const tagMap = tagsByCustomer(db, ids);
  const facts = analyticsFactsByCustomer(db, ids);
  return rows.map((row) => toCustomerRow(row, tagMap.get(row.id) ?? [], facts.get(row.id) ?? null));
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
