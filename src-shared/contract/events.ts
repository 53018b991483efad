import { z } from 'zod';

/** What a `data.changed` event is about; the UI refetches whatever shows that entity. */
export const DATA_ENTITIES = ['customers', 'settings', 'tags', 'customFields', 'views'] as const;

/** Server-to-UI push events: a second, smaller table of the same kind as the channels. */
export const pushEvents = {
  /** Something the UI may be showing changed (another door, an import, an undo): refetch. */
  'data.changed': z.object({ entity: z.enum(DATA_ENTITIES) }),
} as const;

export type PushEventType = keyof typeof pushEvents;
export type PushEvent = {
  [K in PushEventType]: { type: K; payload: z.infer<(typeof pushEvents)[K]> };
}[PushEventType];
