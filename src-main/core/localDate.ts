/**
 * Calendar days and months on this machine's clock: the backend runs on the owner's laptop, so
 * local time is the owner's time ("today", "this month", a close date).
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD` of an instant in the local time zone. */
export function localDate(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `YYYY-MM` of an instant in the local time zone. */
export function localMonth(epochMs: number): string {
  return localDate(epochMs).slice(0, 7);
}

/** The instant a local `YYYY-MM-DD` begins. */
export function startOfLocalDay(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).getTime();
}

/** `YYYY-MM` of the month `offset` months from the one of `epochMs` (negative = earlier). */
export function shiftLocalMonth(epochMs: number, offset: number): string {
  const date = new Date(epochMs);
  return localMonth(new Date(date.getFullYear(), date.getMonth() + offset, 1).getTime());
}
