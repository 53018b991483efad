import { z } from 'zod';
import { customer, customerFields, customerPatch, customerRow } from './customerFields';
import {
  bulkInput,
  bulkResult,
  customerListInput,
  customerPage,
  savedView,
  savedViewDefinition,
} from './customerList';
import { noInput, recordId, requiredText } from './fields';

export * from './customerFields';
export * from './customerList';

export const customerIdInput = z.strictObject({ id: recordId });

export const customerUpdateInput = z.strictObject({ id: recordId, patch: customerPatch });

export const searchInput = z.strictObject({
  query: z.string().trim().min(1).max(200),
  limit: z.number().int().min(1).max(50).default(20),
});
export const searchHit = z.object({
  customer: customerRow,
  /** Which field matched best: name, pinyin, company, contacts, wechat, notes or conversation. */
  matchedIn: z.enum(['name', 'pinyin', 'company', 'contacts', 'wechat', 'notes', 'conversation']),
  /** A short plain-text excerpt around the match (never HTML). */
  excerpt: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;
export const searchResult = z.object({ hits: z.array(searchHit), tookMs: z.number() });

export const purgeInput = z.strictObject({
  /** Defaults to the owner's setting (30 days unless changed). */
  olderThanDays: z.number().int().min(0).max(36_500).optional(),
});

export const customerChannels = {
  'customers.create': { input: customerFields, output: customer },
  'customers.update': { input: customerUpdateInput, output: customer },
  'customers.get': { input: customerIdInput, output: customer },
  'customers.list': { input: customerListInput, output: customerPage },
  /** Moves the customer to the trash; nothing is erased. */
  'customers.delete': { input: customerIdInput, output: customer },
  'customers.restore': { input: customerIdInput, output: customer },
  /** Erases trashed customers (and their orders, conversations, feedback) older than N days. Irreversible. */
  'customers.purge': { input: purgeInput, output: z.object({ purged: z.number().int() }) },
  'customers.bulk': { input: bulkInput, output: bulkResult },
  'customers.search': { input: searchInput, output: searchResult },
  'views.list': { input: noInput, output: z.array(savedView) },
  'views.create': {
    input: z.strictObject({ name: requiredText(80), definition: savedViewDefinition }),
    output: savedView,
  },
  'views.update': {
    input: z.strictObject({
      id: recordId,
      name: requiredText(80).optional(),
      definition: savedViewDefinition.optional(),
    }),
    output: savedView,
  },
  'views.delete': { input: z.strictObject({ id: recordId }), output: z.object({ id: recordId }) },
  /** Puts back every row a bulk change or a merge touched. */
  'batches.undo': {
    input: z.strictObject({ batchId: z.number().int().positive() }),
    output: z.object({ batchId: z.number().int(), restored: z.number().int() }),
  },
} as const;
