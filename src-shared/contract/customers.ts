import { z } from 'zod';
import { isoInstant, optionalEmail, optionalText, recordId, requiredText } from './fields';

export const CUSTOMER_LIMITS = { name: 200, company: 200, phone: 64, city: 100, notes: 10_000 } as const;

/** The editable fields of a customer; the form and the channels share this one definition. */
export const customerFields = z.strictObject({
  name: requiredText(CUSTOMER_LIMITS.name),
  company: optionalText(CUSTOMER_LIMITS.company),
  email: optionalEmail(),
  phone: optionalText(CUSTOMER_LIMITS.phone),
  city: optionalText(CUSTOMER_LIMITS.city),
  notes: optionalText(CUSTOMER_LIMITS.notes),
});
export type CustomerFieldsInput = z.input<typeof customerFields>;

export const customer = z.object({
  id: recordId,
  uid: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  deletedAt: isoInstant.nullable(),
});
export type Customer = z.infer<typeof customer>;

export const CUSTOMER_SORT_FIELDS = [
  'name',
  'company',
  'email',
  'phone',
  'city',
  'createdAt',
  'updatedAt',
  'deletedAt',
] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

export const customerListInput = z
  .strictObject({
    /** `active` is the normal list; `trash` lists deleted customers, most recently deleted first by default. */
    view: z.enum(['active', 'trash']).default('active'),
    page: z.number().int().min(0).default(0),
    pageSize: z.number().int().min(1).max(500).default(50),
    sort: z
      .strictObject({ field: z.enum(CUSTOMER_SORT_FIELDS), direction: z.enum(['asc', 'desc']) })
      .optional(),
  })
  .default({ view: 'active', page: 0, pageSize: 50 });
export type CustomerListInput = z.input<typeof customerListInput>;

export const customerPage = z.object({
  rows: z.array(customer),
  total: z.number().int().min(0),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CustomerPage = z.infer<typeof customerPage>;

export const customerIdInput = z.strictObject({ id: recordId });

export const customerUpdateInput = z.strictObject({
  id: recordId,
  patch: customerFields.partial(),
});

export const customerChannels = {
  'customers.create': { input: customerFields, output: customer },
  'customers.update': { input: customerUpdateInput, output: customer },
  'customers.get': { input: customerIdInput, output: customer },
  'customers.list': { input: customerListInput, output: customerPage },
  /** Moves the customer to the trash; nothing is erased. */
  'customers.delete': { input: customerIdInput, output: customer },
  'customers.restore': { input: customerIdInput, output: customer },
} as const;
