/**
 * `<input type="datetime-local">` speaks wall-clock time without a zone; the contract wants an ISO
 * instant with an offset. These convert with the browser's own zone, so "10:30" means 10:30 here.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** A Date -> `YYYY-MM-DDTHH:mm` in local time, the value a datetime-local input shows. */
export function toLocalInput(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** A Date -> `YYYY-MM-DDTHH:mm:ss.sss+08:00`: local wall-clock time with the zone's offset. */
export function toOffsetIso(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const millis = String(date.getMilliseconds()).padStart(3, '0');
  return `${toLocalInput(date)}:${pad(date.getSeconds())}.${millis}${zone}`;
}

/** `YYYY-MM-DDTHH:mm` (local) -> an ISO instant with offset; null when the text is not such a time. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : toOffsetIso(date);
}

/**
 * The instant a "when" field means. Left at its default ("now" when the form opened, shown to the
 * minute), it means the moment of saving, to the millisecond, so what was just logged sorts after what
 * happened a few seconds before. Text that is no time at all goes on as typed, for the schema to name.
 */
export function pickedInstant(value: string, untouchedDefault: string): string {
  if (value === untouchedDefault) return toOffsetIso(new Date());
  return localInputToIso(value) ?? value;
}
