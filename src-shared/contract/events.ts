import { z } from 'zod';

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
} as const;

export type PushEventType = keyof typeof pushEvents;
export type PushEvent = {
  [K in PushEventType]: { type: K; payload: z.infer<(typeof pushEvents)[K]> };
}[PushEventType];
