import { z } from 'zod';

/** Server-to-UI push events: a second, smaller table of the same kind as the channels. */
export const pushEvents = {
  /** Something the UI may be showing changed (another door, an import, an undo): refetch. */
  'data.changed': z.object({ entity: z.enum(['customers', 'settings']) }),
} as const;

export type PushEventType = keyof typeof pushEvents;
export type PushEvent = {
  [K in PushEventType]: { type: K; payload: z.infer<(typeof pushEvents)[K]> };
}[PushEventType];
