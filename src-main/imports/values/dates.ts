import type { DateOrder } from '../../../src-shared/contract';
import { toHalfWidth } from './halfWidth';

export type DateParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  hasTime: boolean;
};

/** `either`: `03/04/2024` with order `auto` can be 3 April or 4 March; the column decides or the owner. */
export type DateReading =
  | { kind: 'date'; parts: DateParts }
  | { kind: 'either'; dmy: DateParts; mdy: DateParts }
  | { kind: 'invalid' };

const INVALID: DateReading = { kind: 'invalid' };

type Time = Pick<DateParts, 'hour' | 'minute' | 'second' | 'hasTime'>;
const NO_TIME: Time = { hour: 0, minute: 0, second: 0, hasTime: false };

/** `08:26`, `8:26:00.000`, `8:26 PM`, optionally followed by `Z` or `+08:00`. */
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(AM|PM)?\s*(Z|[+-]\d{2}:?\d{2})?`;
/** A year-first date: `2024-03-05`, `2024/3/5`, `2024.3.5` (one separator throughout). */
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)${TIME})?$`, 'i');
/** Day and month first, year last: `5/3/2024`, `5.3.2024`, `5-3-2024`. */
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:\s+${TIME})?$`, 'i');
/** `2024年3月5日`, then optionally `08:26`, `8时26分`, `8点26分30秒`. */
const CHINESE =
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:\s*(\d{1,2})[:时点](\d{1,2})(?:[:分](?:(\d{1,2})秒?)?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Excel's date serial: days since 1899-12-30 (for serials from 61), a fraction is the time of day. */
const EXCEL_SERIAL = /^(\d{1,7})(\.\d+)?$/;
const MAX_EXCEL_SERIAL = 2958465; // 9999-12-31

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function validParts(year: number, month: number, day: number, time: Time): DateParts | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (time.hour > 23 || time.minute > 59 || time.second > 59) return null;
  return { year, month, day, ...time };
}

/** Parts from the UTC fields of an instant (Excel serials have no time zone). */
function utcParts(ms: number, hasTime: boolean): DateParts {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    hasTime,
  };
}

function localParts(ms: number): DateParts {
  const date = new Date(ms);
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
    hasTime: true,
  };
}

/** Time groups of TIME (hour, minute, second, AM/PM) → a time of day, or null when impossible. */
function readTime(hour?: string, minute?: string, second?: string, meridiem?: string): Time | null {
  if (hour === undefined || minute === undefined) return NO_TIME;
  let h = Number(hour);
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
  }
  return {
    hour: h,
    minute: Number(minute),
    second: second === undefined ? 0 : Number(second),
    hasTime: true,
  };
}

/** `Z` / `+08:00` / `-0500`: the instant is converted to the computer's local date and time. */
function inLocalTime(parts: DateParts, zone: string): DateParts {
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    offsetMinutes =
      (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * (zone[0] === '-' ? -1 : 1);
  }
  const utc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return localParts(utc - offsetMinutes * 60_000);
}

function readYearFirst(match: RegExpMatchArray): DateReading {
  const [, year, , month, day, hour, minute, second, meridiem, zone] = match;
  const time = readTime(hour, minute, second, meridiem);
  const parts = time && validParts(Number(year), Number(month), Number(day), time);
  if (!parts) return INVALID;
  return { kind: 'date', parts: zone ? inLocalTime(parts, zone) : parts };
}

function readYearLast(match: RegExpMatchArray, order: DateOrder): DateReading {
  const [, first, separator, second, year, hour, minute, secondOfMinute, meridiem, zone] = match;
  const time = readTime(hour, minute, secondOfMinute, meridiem);
  if (!time) return INVALID;
  const local = (parts: DateParts | null) => (parts && zone ? inLocalTime(parts, zone) : parts);
  const dmy = local(validParts(Number(year), Number(second), Number(first), time));
  const mdy = local(validParts(Number(year), Number(first), Number(second), time));
  // A dot is the German/Russian style: always day first. `ymd` says nothing about these dates.
  const decided = separator === '.' ? 'dmy' : order === 'dmy' || order === 'mdy' ? order : null;
  if (decided) {
    const parts = decided === 'dmy' ? dmy : mdy;
    return parts ? { kind: 'date', parts } : INVALID;
  }
  // auto: a part above 12 can only be the day; both 12 or less and different is a real question.
  if (dmy && mdy)
    return Number(first) === Number(second) ? { kind: 'date', parts: dmy } : { kind: 'either', dmy, mdy };
  const parts = dmy ?? mdy;
  return parts ? { kind: 'date', parts } : INVALID;
}

function readChinese(match: RegExpMatchArray): DateReading {
  const [, year, month, day, hour, minute, second] = match;
  const time = readTime(hour, minute, second);
  const parts = time && validParts(Number(year), Number(month), Number(day), time);
  return parts ? { kind: 'date', parts } : INVALID;
}

/**
 * Excel's 1900 date system counts 1900-02-29, a day that never was (serial 60, kept for Lotus
 * 1-2-3 compatibility): serials from 61 count from 1899-12-30, those below from 1899-12-31.
 */
function readExcelSerial(match: RegExpMatchArray): DateReading {
  const days = Number(match[1]);
  if (days < 1 || days > MAX_EXCEL_SERIAL || days === 60) return INVALID;
  const fraction = match[2] ? Number(`0${match[2]}`) : 0;
  const epoch = days > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  const ms = epoch + days * 86_400_000 + Math.round(fraction * 86_400) * 1000;
  return { kind: 'date', parts: utcParts(ms, fraction > 0) };
}

/**
 * Reads a date (and maybe a time) the way spreadsheets and Chinese tools write them. `order`
 * decides `D/M/YYYY` against `M/D/YYYY`; `auto` answers `either` when both readings are possible
 * and different. Impossible dates and two-digit years are invalid rather than guessed.
 */
export function readDate(text: string, order: DateOrder): DateReading {
  const value = toHalfWidth(text).trim();
  let match: RegExpMatchArray | null;
  if ((match = value.match(YEAR_FIRST))) return readYearFirst(match);
  if ((match = value.match(YEAR_LAST))) return readYearLast(match, order);
  if ((match = value.match(CHINESE))) return readChinese(match);
  if ((match = value.match(COMPACT))) {
    const parts = validParts(Number(match[1]), Number(match[2]), Number(match[3]), NO_TIME);
    return parts ? { kind: 'date', parts } : INVALID;
  }
  if ((match = value.match(EXCEL_SERIAL))) return readExcelSerial(match);
  return INVALID;
}

/** The instant the parts mean on this computer's clock (ms since the epoch). */
export function toLocalEpoch(parts: DateParts): number {
  return new Date(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second).getTime();
}

/** `YYYY-MM-DD`, the form birthdays and other date-only fields are stored in. */
export function toCalendarDate(parts: DateParts): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}
