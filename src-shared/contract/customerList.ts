import { z } from 'zod';
import { SEGMENT_KEYS } from './analytics';
import { customerRow } from './customerFields';
import { calendarDate, recordId } from './fields';

export const CUSTOMER_SORT_FIELDS = [
  'name',
  'company',
  'email',
  'phone',
  'city',
  'stage',
  'source',
  'revenue',
  'orderCount',
  'lastOrderAt',
  'lastContactAt',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'churnRisk',
  'clv',
  /** By the segment's rank in SEGMENT_KEYS (best first when ascending), not by its key. */
  'segment',
  /** By cluster index: clusters are numbered by their centroid's spend, biggest first. */
  'cluster',
] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

export const customerSort = z.strictObject({
  field: z.enum(CUSTOMER_SORT_FIELDS),
  direction: z.enum(['asc', 'desc']),
});
export type CustomerSort = z.infer<typeof customerSort>;

/** A condition on one owner-defined field. `empty`/`notEmpty` take no value. */
export const customFieldFilter = z.strictObject({
  fieldId: recordId,
  op: z.enum(['eq', 'contains', 'gte', 'lte', 'empty', 'notEmpty']),
  value: z.union([z.string().max(1000), z.number()]).optional(),
});

/**
 * List filters; all given conditions must hold. Within `tagIds`, `stages`, `sources` and `cities`
 * any listed value matches. Dates are the owner's calendar days (local midnight on the backend's machine).
 */
export const customerFilters = z.strictObject({
  tagIds: z.array(recordId).max(50).optional(),
  stages: z.array(z.string().max(40)).max(50).optional(),
  sources: z.array(z.string().max(40)).max(50).optional(),
  cities: z.array(z.string().max(100)).max(50).optional(),
  hasEmail: z.boolean().optional(),
  hasPhone: z.boolean().optional(),
  /** Last contact strictly before this day; customers never contacted match too. */
  lastContactBefore: calendarDate().optional(),
  /** Last contact on or after this day. */
  lastContactAfter: calendarDate().optional(),
  revenueMinCents: z.number().int().optional(),
  revenueMaxCents: z.number().int().optional(),
  custom: z.array(customFieldFilter).max(20).optional(),
  /** The latest analytics run's RFM segments; any listed one matches. */
  segments: z.array(z.enum(SEGMENT_KEYS)).max(SEGMENT_KEYS.length).optional(),
  /** The latest run's clusters (profile indexes); any listed one matches. */
  clusters: z.array(z.number().int().min(0)).max(20).optional(),
  /** P(churn) at or above this (0..1) in the latest run. */
  churnRiskMin: z.number().min(0).max(1).optional(),
  /** P(churn) below this (0..1): with churnRiskMin, one bar of the Churn page's histogram. */
  churnRiskMax: z.number().min(0).max(1).optional(),
  /** A paid order on or after this day (with orderedBefore: in that period, e.g. one month of revenue). */
  orderedFrom: calendarDate().optional(),
  /** A paid order before this day. */
  orderedBefore: calendarDate().optional(),
  /**
   * The latest paid order on or after this day (with lastOrderBefore: in that period): how recently
   * a customer bought, e.g. one recency state of the Value page's forecast. Never-bought customers never match.
   */
  lastOrderFrom: calendarDate().optional(),
  /** The latest paid order before this day: bought once, but not since. */
  lastOrderBefore: calendarDate().optional(),
  clvMinCents: z.number().int().optional(),
});
export type CustomerFilters = z.infer<typeof customerFilters>;

export const customerListInput = z
  .strictObject({
    /** `active` is the normal list; `trash` lists deleted customers, most recently deleted first by default. */
    view: z.enum(['active', 'trash']).default('active'),
    /** A window of rows: the virtualized list asks for the rows it is about to show. */
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    sort: customerSort.optional(),
    filters: customerFilters.default({}),
  })
  .default({ view: 'active', offset: 0, limit: 100, filters: {} });
export type CustomerListInput = z.input<typeof customerListInput>;

export const customerPage = z.object({
  rows: z.array(customerRow),
  total: z.number().int().min(0),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type CustomerPage = z.infer<typeof customerPage>;

/** Which customers a bulk action applies to: picked rows, or everything the filters match. */
export const bulkTarget = z.union([
  z.strictObject({ ids: z.array(recordId).min(1).max(100_000) }),
  z.strictObject({ filters: customerFilters }),
]);

export const bulkAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('addTag'), tagId: recordId }),
  z.strictObject({ type: z.literal('removeTag'), tagId: recordId }),
  z.strictObject({ type: z.literal('setStage'), stage: z.string().max(40).nullable() }),
  z.strictObject({ type: z.literal('trash') }),
]);
export type BulkAction = z.infer<typeof bulkAction>;

export const bulkInput = z.strictObject({ target: bulkTarget, action: bulkAction });
/** `batchId` undoes the whole change through `batches.undo`. */
export const bulkResult = z.object({ batchId: z.number().int(), affected: z.number().int() });

export const SAVED_VIEW_COLUMNS_MAX = 40;
export const savedViewDefinition = z.strictObject({
  filters: customerFilters,
  sort: customerSort.nullable(),
  /** Column ids in display order: built-in column names or `custom.<fieldId>`. */
  columns: z.array(z.string().max(60)).max(SAVED_VIEW_COLUMNS_MAX),
});
export type SavedViewDefinition = z.infer<typeof savedViewDefinition>;

export const savedView = z.object({
  id: recordId,
  name: z.string(),
  definition: savedViewDefinition,
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedView>;
