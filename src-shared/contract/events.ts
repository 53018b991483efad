import { z } from 'zod';
import { reminder } from './tasks';

/** What a `data.changed` event is about; the UI refetches whatever shows that entity. */
export const DATA_ENTITIES = [
  'customers',
  'settings',
  'tags',
  'customFields',
  'views',
  'imports',
  'analytics',
  'deals',
  'tasks',
] as const;

/**
 * What a long job is doing: reading and checking the file, writing, writing an export, or an
 * analytics run (`done`/`total` count its stages then).
 */
export const JOB_PHASES = ['reading', 'writing', 'exporting', 'analyzing'] as const;

/** Server-to-UI push events: a second, smaller table of the same kind as the channels. */
export const pushEvents = {
  /** Something the UI may be showing changed (another door, an import, an undo): refetch. */
  'data.changed': z.object({ entity: z.enum(DATA_ENTITIES) }),
  /** Progress of an import or export; `done`/`total` in bytes while reading, rows while writing. */
  'jobs.progress': z.object({
    jobId: z.string(),
    phase: z.enum(JOB_PHASES),
    done: z.number(),
    total: z.number(),
  }),
  /**
   * Follow-ups whose reminder time came, each delivered once. `missed` > 0 on the first check
   * after a start: that many fell due while SoloCRM was closed (one summary, not a storm).
   */
  'reminders.due': z.object({ reminders: z.array(reminder), missed: z.number().int() }),
} as const;

export type PushEventType = keyof typeof pushEvents;
export type PushEvent = {
  [K in PushEventType]: { type: K; payload: z.infer<(typeof pushEvents)[K]> };
}[PushEventType];
