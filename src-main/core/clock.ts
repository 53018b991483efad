/** Time is injected so tests (and later, reminders) can move it; nothing reads Date.now() directly. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export const toIso = (epochMs: number) => new Date(epochMs).toISOString();
export const toIsoOrNull = (epochMs: number | null) => (epochMs === null ? null : toIso(epochMs));
