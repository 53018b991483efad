/**
 * Wall-clock time in an IANA time zone ↔ instants, with Intl only (no time-zone library).
 *
 * A follow-up "every Monday 09:00" is 09:00 on the owner's clock whatever the UTC offset that
 * week, so recurrences are expanded in wall time and turned into instants here. Two edges:
 * a wall time that does not exist (the spring-forward gap, 02:30 in Berlin on the last Sunday
 * of March) is read as the same time after the jump (03:30); one that exists twice (the
 * fall-back hour) is the first of the two.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether Intl knows the zone (an unknown one throws RangeError there). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Asked again after this long: a laptop that changes zone is followed within a second. */
const MACHINE_ZONE_TTL_MS = 1_000;
let machineZone: { zone: string; at: number } | null = null;

/**
 * The machine's zone: what a task created on this laptop is due in. Remembered for a second:
 * reading it builds an Intl formatter (~70 µs), and an automation pass asks once per task.
 */
export function machineTimeZone(): string {
  const now = Date.now();
  if (!machineZone || now - machineZone.at > MACHINE_ZONE_TTL_MS || now < machineZone.at) {
    machineZone = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', at: now };
  }
  return machineZone.zone;
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsAt(instant: number, timeZone: string): WallParts {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts as unknown as WallParts;
}

/**
 * Offsets by zone and exact instant. Follow-ups written together mostly share a due day and time
 * (the automation's thousands are due at 00:00 of a few days), so the same instants come back;
 * a pure function of its inputs, so remembering is exact. Bounded.
 */
const OFFSET_CACHE_SIZE = 10_000;
const offsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at `instant`, in ms (Berlin in summer: +2 h). */
function offsetAt(instant: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const known = zone.get(instant);
  if (known !== undefined) return known;
  const p = partsAt(instant, timeZone);
  const offset =
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
  if (zone.size >= OFFSET_CACHE_SIZE) zone.clear();
  zone.set(instant, offset);
  return offset;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The instant the wall clock in `timeZone` shows `date` (`YYYY-MM-DD`) at `time` (`HH:MM`). */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset a few hours either side of the moment, earlier one first: in the fall-back hour
  // both fit and the earlier instant wins; in the spring-forward gap neither fits and the
  // offset before the jump puts the time just after it.
  const before = offsetAt(wall - 6 * 3_600_000, timeZone);
  const after = offsetAt(wall + 6 * 3_600_000, timeZone);
  for (const offset of [before, after]) {
    const candidate = wall - offset;
    if (offsetAt(candidate, timeZone) === offset) return candidate;
  }
  return wall - before;
}

/** What the wall clock in `timeZone` shows at `instant`: `{ date: YYYY-MM-DD, time: HH:MM }`. */
export function wallAt(instant: number, timeZone: string): { date: string; time: string } {
  const p = partsAt(instant, timeZone);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** `YYYY-MM-DD` `days` after `date` (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}
