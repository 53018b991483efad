import { z } from 'zod';
import {
  optionalCalendarDate,
  optionalText,
  recordId,
  requiredEmail,
  requiredText,
  isoInstant,
} from './fields';
import { SEGMENT_KEYS } from './analytics';
import { CONSENT_VALUES, CUSTOMER_LIMITS } from './customerTerms';

export * from './customerTerms';

/** A custom field value as sent: text, a number, a `YYYY-MM-DD` date or an option (both strings), or cleared. */
export const customValue = z.union([z.string().trim().max(CUSTOMER_LIMITS.customText), z.number(), z.null()]);
/** Keyed by the custom field's id (as a string: JSON object keys). */
export const customValues = z.record(z.string().regex(/^\d+$/), customValue);

/** Each editable field once, without defaults: a patch must not fill in what it did not send. */
const customerFieldShape = {
  name: requiredText(CUSTOMER_LIMITS.name),
  company: optionalText(CUSTOMER_LIMITS.company),
  jobTitle: optionalText(CUSTOMER_LIMITS.jobTitle),
  emails: z.array(requiredEmail()).max(CUSTOMER_LIMITS.contacts),
  phones: z.array(requiredText(CUSTOMER_LIMITS.phone)).max(CUSTOMER_LIMITS.contacts),
  wechat: optionalText(CUSTOMER_LIMITS.wechat),
  country: optionalText(CUSTOMER_LIMITS.country),
  province: optionalText(CUSTOMER_LIMITS.province),
  city: optionalText(CUSTOMER_LIMITS.city),
  street: optionalText(CUSTOMER_LIMITS.street),
  postcode: optionalText(CUSTOMER_LIMITS.postcode),
  source: optionalText(40),
  stage: optionalText(40),
  birthday: optionalCalendarDate(),
  notes: optionalText(CUSTOMER_LIMITS.notes),
  consent: z.enum(CONSENT_VALUES),
  tagIds: z.array(recordId).max(CUSTOMER_LIMITS.tags),
  custom: customValues,
};

/**
 * The editable fields of a customer; the form and the channels share this one definition.
 * Emails and phones are lists in the owner's order: the first one is the primary one.
 * `source` and `stage` are keys of the editable lists in Settings, checked by the service.
 */
export const customerFields = z.strictObject({
  ...customerFieldShape,
  emails: customerFieldShape.emails.default([]),
  phones: customerFieldShape.phones.default([]),
  consent: customerFieldShape.consent.default('unknown'),
  tagIds: customerFieldShape.tagIds.default([]),
  custom: customerFieldShape.custom.default({}),
});
/** What an update sends: any subset of the fields; lists (emails, phones, tagIds) are replaced whole. */
export const customerPatch = z.strictObject(customerFieldShape).partial();
export type CustomerFieldsInput = z.input<typeof customerFields>;
export type CustomerFieldsParsed = z.output<typeof customerFields>;
export type CustomerFieldName = keyof CustomerFieldsParsed;

/** A phone as stored: what the owner typed, plus E.164 when it could be normalized. */
export const phoneNumber = z.object({
  value: z.string(),
  e164: z.string().nullable(),
  /** False when the number could not be parsed or does not exist in the numbering plan: kept, flagged. */
  valid: z.boolean(),
});
export type PhoneNumber = z.infer<typeof phoneNumber>;

export const tagRef = z.object({ id: recordId, name: z.string(), color: z.string() });
export type TagRef = z.infer<typeof tagRef>;

/** Facts derived from orders and conversations (revenue in the default currency, paid orders only). */
export const customerStats = z.object({
  revenueCents: z.number().int(),
  orderCount: z.number().int(),
  firstOrderAt: isoInstant.nullable(),
  lastOrderAt: isoInstant.nullable(),
  lastContactAt: isoInstant.nullable(),
});

export const customer = z.object({
  id: recordId,
  uid: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  jobTitle: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(phoneNumber),
  wechat: z.string().nullable(),
  country: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  source: z.string().nullable(),
  stage: z.string().nullable(),
  birthday: z.string().nullable(),
  notes: z.string().nullable(),
  consent: z.enum(CONSENT_VALUES),
  consentAt: isoInstant.nullable(),
  tags: z.array(tagRef),
  custom: z.record(z.string(), z.union([z.string(), z.number()])),
  stats: customerStats,
  createdAt: isoInstant,
  updatedAt: isoInstant,
  deletedAt: isoInstant.nullable(),
});
export type Customer = z.infer<typeof customer>;

/** One row of the customer list: the columns a list can show, without the long text. */
/** What the customer list shows of a customer's analytics (the full scores: `analytics.customer`). */
export const customerAnalyticsFacts = z.object({
  segment: z.enum(SEGMENT_KEYS),
  cluster: z.number().int().nullable(),
  churnRisk: z.number().nullable(),
  clvCents: z.number().nullable(),
});
export type CustomerAnalyticsFacts = z.infer<typeof customerAnalyticsFacts>;

export const customerRow = z.object({
  id: recordId,
  name: z.string(),
  company: z.string().nullable(),
  jobTitle: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  wechat: z.string().nullable(),
  country: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  source: z.string().nullable(),
  stage: z.string().nullable(),
  birthday: z.string().nullable(),
  tags: z.array(tagRef),
  custom: z.record(z.string(), z.union([z.string(), z.number()])),
  revenueCents: z.number().int(),
  orderCount: z.number().int(),
  lastOrderAt: isoInstant.nullable(),
  lastContactAt: isoInstant.nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  deletedAt: isoInstant.nullable(),
  /** The latest analytics run's figures; null before the first run or for a customer without a paid order. */
  analytics: customerAnalyticsFacts.nullable(),
});
export type CustomerRowView = z.infer<typeof customerRow>;
