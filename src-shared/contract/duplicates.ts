import { z } from 'zod';
import { CUSTOMER_SCALAR_FIELDS, customerRow } from './customerFields';
import { optionalText, recordId } from './fields';

export const DUPLICATE_REASONS = ['email', 'phone', 'nameCompany', 'nameCity'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Why two records look like one person; `value` is the shared email, phone, name… */
export const duplicateReason = z.object({ reason: z.enum(DUPLICATE_REASONS), value: z.string() });

export const duplicateCheckInput = z.strictObject({
  name: optionalText(200),
  company: optionalText(200),
  city: optionalText(100),
  emails: z.array(z.string().max(254)).max(10).default([]),
  phones: z.array(z.string().max(64)).max(10).default([]),
  /** The record being edited, so it is not reported as its own duplicate. */
  excludeId: recordId.optional(),
});
export const duplicateMatch = z.object({ customer: customerRow, reasons: z.array(duplicateReason) });

export const duplicatePair = z.object({
  /** The older record (lower id) first: the natural one to keep. */
  a: customerRow,
  b: customerRow,
  reasons: z.array(duplicateReason),
  /** 0–100: an email or phone match weighs more than a name match. */
  score: z.number().int(),
});
export type DuplicatePair = z.infer<typeof duplicatePair>;

/** Scalar fields the owner picks between when merging; lists (emails, phones, tags) are united. */
export const MERGE_FIELDS = CUSTOMER_SCALAR_FIELDS;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const mergeInput = z.strictObject({
  keepId: recordId,
  mergeId: recordId,
  /** For each field, take the merged record's value instead of the kept one's. Default: keep. */
  takeFromMerged: z.array(z.enum(MERGE_FIELDS)).max(MERGE_FIELDS.length).default([]),
  /** Custom fields (by id) whose value comes from the merged record. Default: the kept value, else the other's. */
  takeCustomFromMerged: z.array(z.string().regex(/^\d+$/)).max(200).default([]),
});

export const duplicateChannels = {
  /** Live check while typing a new customer. */
  'duplicates.check': { input: duplicateCheckInput, output: z.array(duplicateMatch) },
  'duplicates.list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }),
    output: z.object({ pairs: z.array(duplicatePair) }),
  },
  /** "Not the same person": the pair is not suggested again. */
  'duplicates.dismiss': {
    input: z.strictObject({ aId: recordId, bId: recordId }),
    output: z.object({ dismissed: z.boolean() }),
  },
  /**
   * Orders, conversations, feedback, tags, emails and phones move to the kept record; the other goes
   * to the trash. Undo with `batches.undo`.
   */
  'customers.merge': {
    input: mergeInput,
    output: z.object({ batchId: z.number().int(), keptId: recordId, mergedId: recordId }),
  },
} as const;
