/*
 * Customer field names and limits as plain values, without zod, for worker threads (see
 * importTerms.ts); customerFields.ts re-exports them.
 */

export const CUSTOMER_LIMITS = {
  name: 200,
  company: 200,
  jobTitle: 200,
  phone: 64,
  wechat: 100,
  country: 100,
  province: 100,
  city: 100,
  street: 300,
  postcode: 20,
  notes: 10_000,
  contacts: 10,
  tags: 50,
  customText: 1_000,
} as const;

export const CONSENT_VALUES = ['yes', 'no', 'unknown'] as const;
export type Consent = (typeof CONSENT_VALUES)[number];

/**
 * The editable single-value fields (lists — emails, phones, tags, custom values — aside), in the
 * order the customers table has their columns. The form, the writes and the merge all walk this
 * one list, so a new field cannot be forgotten by one of them.
 */
export const CUSTOMER_SCALAR_FIELDS = [
  'name',
  'company',
  'jobTitle',
  'wechat',
  'country',
  'province',
  'city',
  'street',
  'postcode',
  'source',
  'stage',
  'birthday',
  'notes',
  'consent',
] as const;
export type CustomerScalarField = (typeof CUSTOMER_SCALAR_FIELDS)[number];
