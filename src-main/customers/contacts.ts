import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { rememberBounded } from '../core/boundedCache';
import { isValidNationalNumber, isValidPhone } from './phoneValidity';

/**
 * How emails, phones and names are reduced for matching (duplicates) and searching.
 * Nothing here replaces what the owner typed: these are extra columns next to it.
 */

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** The mailbox an address delivers to: case ignored, and for Gmail dots and `+tags` too. */
export function canonicalEmail(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 0) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.split('+')[0]!.replaceAll('.', '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}

export interface NormalizedPhone {
  value: string;
  /** E.164 (`+8613800138000`), or null when the text is not a phone number we can read. */
  e164: string | null;
  /** True only when the full ("max") metadata says the number exists in its numbering plan. */
  valid: boolean;
}

// Chinese extension words become the `;ext=` libphonenumber understands (it gives up on 转/分机).
const EXTENSION = /([\d０-９])\s*(?:转|分机|ext\.?|x)\s*(\d{1,6})\s*$/i;

/**
 * Parsing a phone costs ~7 µs (libphonenumber's full metadata; validity in phoneValidity.ts), and
 * an import reads each number several times (check, match, store, index): results are remembered,
 * a bounded number of them.
 * The bound holds a large import's numbers (a smaller one was cleared between the check and the
 * store, and 100,000 customers paid for every parse twice, ~2 s); only an import's worker, which
 * exits after it, ever holds that many (~25 MB).
 */
const PHONE_CACHE_SIZE = 250_000;
/** By region, then by the typed text itself: a key made by joining the two was a second string per number. */
const phoneCaches = new Map<string, Map<string, NormalizedPhone>>();
const nationalCache = new Map<string, string>();

const remember = <V>(cache: Map<string, V>, key: string, value: V): V =>
  rememberBounded(cache, key, value, PHONE_CACHE_SIZE);

/** Reads a typed phone with the owner's default region; unreadable numbers are kept, flagged. */
export function normalizePhone(typed: string, region: string | null): NormalizedPhone {
  const cache = phoneCacheOf(region);
  return cache.get(typed) ?? remember(cache, typed, parsePhone(typed, region));
}

function phoneCacheOf(region: string | null): Map<string, NormalizedPhone> {
  let cache = phoneCaches.get(region ?? '');
  if (!cache) phoneCaches.set(region ?? '', (cache = new Map()));
  return cache;
}

function parsePhone(typed: string, region: string | null): NormalizedPhone {
  const { phone, national } = readPhone(typed, region);
  if (phone.e164 !== null) remember(nationalCache, phone.e164, national!);
  return phone;
}

/** The phone and its national number (null when not possible), remembering neither. */
function readPhone(
  typed: string,
  region: string | null,
): { phone: NormalizedPhone; national: string | null } {
  const prepared = typed.trim().replace(EXTENSION, '$1;ext=$2');
  const mobile = chinaMobile(prepared, region);
  if (mobile !== null) {
    return {
      phone: phoneResult(typed, `+86${mobile}`, isValidNationalNumber('CN', mobile)),
      national: mobile,
    };
  }
  const parsed = parsePhoneNumberFromString(
    prepared,
    region ? { defaultCountry: region as CountryCode } : {},
  );
  // Stray digits in text ("转 123") parse to a number too short to dial: not a phone to match on.
  if (!parsed?.isPossible()) return { phone: phoneResult(typed, null, false), national: null };
  return {
    phone: phoneResult(typed, parsed.number, isValidPhone(parsed)),
    national: String(parsed.nationalNumber),
  };
}

/**
 * A Chinese mobile number as it is usually typed (`13800138000`, with the region CN, or
 * `+8613800138000`), the most common phone in our owners' files: read here in well under a
 * microsecond, against ~5.5 µs through libphonenumber. The library reads every such number as
 * +86 and its 11 digits (tests/unit/chinaMobile.test.ts holds it to that, prefix by prefix, so a
 * metadata update that changes it fails there); 11x, 12x and 179x numbers it sometimes reads as a
 * carrier code and the rest, so those take the long way. Returns the 11 digits, or null.
 */
const CHINA_MOBILE = /^(\+86)?(1(?:[3-689]\d|7[0-8])\d{8})$/;
function chinaMobile(prepared: string, region: string | null): string | null {
  const match = CHINA_MOBILE.exec(prepared);
  if (!match || (match[1] === undefined && region !== 'CN')) return null;
  return match[2]!;
}

const phoneResult = (typed: string, e164: string | null, valid: boolean): NormalizedPhone => ({
  value: typed.trim(),
  e164,
  valid,
});

/**
 * Phones read on another thread, flat: typed text, E.164 (or null), valid, national number (or
 * null), then the next phone. An import's helper thread (imports/phonePrimer.ts) reads them ahead of
 * the import, which then finds them here as if it had read them itself.
 */
export type PhoneReadings = (string | boolean | null)[];

/** Reads `typed` as normalizePhone does, without remembering it, and adds it to `into` as PhoneReadings. */
export function readPhoneInto(into: PhoneReadings, typed: string, region: string | null): void {
  const { phone, national } = readPhone(typed, region);
  into.push(typed, phone.e164, phone.valid, national);
}

/** Remembers phones another thread read with the same region (see PhoneReadings). */
export function rememberPhones(readings: PhoneReadings, region: string | null): void {
  const cache = phoneCacheOf(region);
  for (let at = 0; at + 3 < readings.length; at += 4) {
    const typed = readings[at] as string;
    const e164 = readings[at + 1] as string | null;
    if (cache.has(typed)) continue;
    remember(cache, typed, phoneResult(typed, e164, readings[at + 2] as boolean));
    if (e164 !== null) remember(nationalCache, e164, readings[at + 3] as string);
  }
}

/** The national significant number of an E.164 phone (`+8613800138000` -> `13800138000`). */
function nationalNumber(e164: string): string {
  const cached = nationalCache.get(e164);
  if (cached !== undefined) return cached;
  return remember(nationalCache, e164, String(parsePhoneNumberFromString(e164)?.nationalNumber ?? ''));
}

/**
 * The digits a phone can be found by: E.164 without `+`, the national number, and what was typed,
 * so `13800` finds `+86 138 0013 8000` whichever way it was entered.
 */
export function phoneSearchText(phone: NormalizedPhone): string {
  const forms = new Set<string>([phone.value, phone.value.replace(/\D/g, '')]);
  if (phone.e164) {
    forms.add(phone.e164.slice(1));
    forms.add(nationalNumber(phone.e164));
  }
  // Substring search finds a form inside a longer one (`13800138000` in `8613800138000`): only
  // the forms no other contains are written, a third fewer trigrams to index per phone.
  const kept = [...forms].filter(Boolean);
  return kept.filter((form) => !kept.some((other) => other !== form && other.includes(form))).join(' ');
}
