// Plain values, without zod, for worker threads (see importTerms.ts); activity.ts re-exports them.

export const ORDER_STATUSES = ['paid', 'refunded', 'cancelled'] as const;
export const CONVERSATION_KINDS = ['call', 'email', 'meeting', 'wechat', 'message', 'visit', 'note'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export const FEEDBACK_KINDS = ['csat', 'nps'] as const;
