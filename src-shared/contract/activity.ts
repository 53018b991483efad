import { z } from 'zod';
import { customer } from './customerFields';
import {
  cents,
  currencyCode,
  instantInput,
  isoInstant,
  optionalText,
  recordId,
  requiredText,
} from './fields';
import { CONVERSATION_KINDS, DIRECTIONS, FEEDBACK_KINDS, ORDER_STATUSES } from './activityTerms';

export * from './activityTerms';

export const orderLineInput = z.strictObject({
  sku: optionalText(64),
  description: requiredText(500),
  quantity: z.number().int().min(-1_000_000).max(1_000_000),
  unitPriceCents: cents,
});
export const orderLine = z.object({
  sku: z.string().nullable(),
  description: z.string(),
  quantity: z.number().int(),
  unitPriceCents: z.number().int(),
});

const orderFieldShape = {
  customerId: recordId,
  orderedAt: instantInput(),
  amountCents: cents,
  currency: currencyCode,
  status: z.enum(ORDER_STATUSES),
  description: optionalText(500),
  channel: optionalText(100),
  externalRef: optionalText(100),
  lines: z.array(orderLineInput).max(1000),
};

/**
 * An order. `amountCents` may be left out when lines are given: it is then their sum.
 * `currency` defaults to the owner's currency setting.
 */
export const orderFields = z.strictObject({
  ...orderFieldShape,
  amountCents: orderFieldShape.amountCents.optional(),
  currency: orderFieldShape.currency.optional(),
  status: orderFieldShape.status.default('paid'),
  lines: orderFieldShape.lines.default([]),
});
/** An order patch: only what it sends changes (no defaults filled in). */
export const orderPatch = z
  .strictObject((({ customerId: _customerId, ...rest }) => rest)(orderFieldShape))
  .partial();
export const order = z.object({
  id: recordId,
  uid: z.string(),
  customerId: recordId,
  orderedAt: isoInstant,
  amountCents: z.number().int(),
  currency: z.string(),
  status: z.enum(ORDER_STATUSES),
  description: z.string().nullable(),
  channel: z.string().nullable(),
  externalRef: z.string().nullable(),
  lines: z.array(orderLine),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Order = z.infer<typeof order>;

export const conversationFields = z.strictObject({
  customerId: recordId,
  kind: z.enum(CONVERSATION_KINDS),
  direction: z
    .enum(DIRECTIONS)
    .nullish()
    .transform((value) => value ?? null),
  occurredAt: instantInput(),
  subject: optionalText(300),
  body: optionalText(20_000),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullish()
    .transform((value) => value ?? null),
});
export const conversation = z.object({
  id: recordId,
  uid: z.string(),
  customerId: recordId,
  kind: z.enum(CONVERSATION_KINDS),
  direction: z.enum(DIRECTIONS).nullable(),
  occurredAt: isoInstant,
  subject: z.string().nullable(),
  body: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Conversation = z.infer<typeof conversation>;

/** CSAT answers are 1–5, NPS answers 0–10 (checked against `kind` by the schema). */
export const feedbackFields = z
  .strictObject({
    customerId: recordId,
    kind: z.enum(FEEDBACK_KINDS),
    score: z.number().int().min(0).max(10),
    answeredAt: instantInput(),
    comment: optionalText(5_000),
  })
  .refine((value) => value.kind === 'nps' || (value.score >= 1 && value.score <= 5), {
    path: ['score'],
    message: 'A CSAT answer is 1 to 5',
    params: { issue: 'invalid' },
  });
export const feedbackEntry = z.object({
  id: recordId,
  uid: z.string(),
  customerId: recordId,
  kind: z.enum(FEEDBACK_KINDS),
  score: z.number().int(),
  answeredAt: isoInstant,
  comment: z.string().nullable(),
  createdAt: isoInstant,
});
export type FeedbackEntry = z.infer<typeof feedbackEntry>;

/**
 * CSAT% = answers of 4 or 5 / all answers × 100. NPS = % promoters (9–10) − % detractors (0–6).
 * Both are null when there are no answers in the period (not 0: "no data" is not "bad").
 */
export const feedbackSummary = z.object({
  csat: z.object({
    responses: z.number().int(),
    satisfied: z.number().int(),
    percent: z.number().nullable(),
  }),
  nps: z.object({
    responses: z.number().int(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    score: z.number().nullable(),
  }),
});
export type FeedbackSummary = z.infer<typeof feedbackSummary>;
export const feedbackSummaryInput = z.strictObject({
  customerId: recordId.optional(),
  from: instantInput().optional(),
  to: instantInput().optional(),
});

export const TIMELINE_KINDS = ['order', 'conversation', 'feedback', 'event'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Something that happened to the customer record itself (stage change, tag, merge, creation). */
export const customerEvent = z.object({
  id: recordId,
  kind: z.string(),
  at: isoInstant,
  data: z.record(z.string(), z.unknown()),
});
export type CustomerEvent = z.infer<typeof customerEvent>;

export const timelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('order'), at: isoInstant, order }),
  z.object({ kind: z.literal('conversation'), at: isoInstant, conversation }),
  z.object({ kind: z.literal('feedback'), at: isoInstant, feedback: feedbackEntry }),
  z.object({ kind: z.literal('event'), at: isoInstant, event: customerEvent }),
]);
export type TimelineItem = z.infer<typeof timelineItem>;

/** The id of the order, conversation, feedback or event an entry shows (unique within its kind). */
export function timelineItemId(item: TimelineItem): number {
  switch (item.kind) {
    case 'order':
      return item.order.id;
    case 'conversation':
      return item.conversation.id;
    case 'feedback':
      return item.feedback.id;
    case 'event':
      return item.event.id;
  }
}

export const timelineInput = z.strictObject({
  customerId: recordId,
  kinds: z.array(z.enum(TIMELINE_KINDS)).min(1).max(4).optional(),
  /** Older than this instant (the `at` of the last item already shown), for "show more". */
  before: isoInstant.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** Everything the customer page's header shows. */
export const customerOverview = z.object({
  customer,
  averageOrderCents: z.number().int().nullable(),
  daysSinceLastContact: z.number().int().nullable(),
  /** Paid revenue per currency, for owners who sell in more than one. */
  revenueByCurrency: z.array(
    z.object({ currency: z.string(), cents: z.number().int(), orders: z.number().int() }),
  ),
  feedback: feedbackSummary,
});
export type CustomerOverview = z.infer<typeof customerOverview>;

const idInput = z.strictObject({ id: recordId });

export const activityChannels = {
  'customers.overview': { input: idInput, output: customerOverview },
  'customers.timeline': {
    input: timelineInput,
    output: z.object({ items: z.array(timelineItem), hasMore: z.boolean() }),
  },
  'orders.create': { input: orderFields, output: order },
  'orders.update': {
    input: z.strictObject({ id: recordId, patch: orderPatch }),
    output: order,
  },
  'orders.delete': { input: idInput, output: order },
  'orders.restore': { input: idInput, output: order },
  'conversations.create': { input: conversationFields, output: conversation },
  'conversations.update': {
    input: z.strictObject({ id: recordId, patch: conversationFields.omit({ customerId: true }).partial() }),
    output: conversation,
  },
  'conversations.delete': { input: idInput, output: conversation },
  'conversations.restore': { input: idInput, output: conversation },
  'feedback.create': { input: feedbackFields, output: feedbackEntry },
  'feedback.delete': { input: idInput, output: feedbackEntry },
  'feedback.restore': { input: idInput, output: feedbackEntry },
  'feedback.summary': { input: feedbackSummaryInput, output: feedbackSummary },
} as const;
