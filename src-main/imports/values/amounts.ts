import { toHalfWidth } from './halfWidth';

export type AmountReading = { ok: true; cents: number; currency: string | null } | { ok: false };

const NOT_AN_AMOUNT: AmountReading = { ok: false };

/** Longest first: `US$` before `$`. A bare `$` names no currency (US, HK, Singapore…). */
const PREFIXES: [string, string | null][] = [
  ['US$', 'USD'],
  ['HK$', 'HKD'],
  ['RMB', 'CNY'],
  ['CNY', 'CNY'],
  ['USD', 'USD'],
  ['HKD', 'HKD'],
  ['EUR', 'EUR'],
  ['GBP', 'GBP'],
  ['¥', 'CNY'],
  ['￥', 'CNY'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['$', null],
];
const SUFFIXES: [string, string | null][] = [
  ['元', 'CNY'],
  ['RMB', 'CNY'],
  ['CNY', 'CNY'],
  ['USD', 'USD'],
  ['HKD', 'HKD'],
  ['EUR', 'EUR'],
  ['GBP', 'GBP'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'CNY'],
];

const DOLLARS = new Set(['USD', 'HKD']);

type Marker = { found: false } | { found: true; currency: string | null };

/** Amounts as they are written: sign, currency and parentheses peeled off around the number. */
class AmountText {
  rest: string;
  signs = 0;
  negative = false;
  markers: (string | null)[] = [];

  constructor(text: string) {
    this.rest = toHalfWidth(text)
      .replace(/[\u00A0\u2009\u202F]/g, ' ') // NBSP and thin spaces some locales group thousands with
      .replace(/\u2212/g, '-') // the typographic minus sign
      .trim();
  }

  /** `(123.45)`: accounting notation for a negative amount. */
  parentheses(): void {
    if (this.rest.startsWith('(') && this.rest.endsWith(')')) {
      this.sign('-');
      this.rest = this.rest.slice(1, -1).trim();
    }
  }

  leadingSign(): void {
    const sign = this.rest[0];
    if (sign === '-' || sign === '+') {
      this.sign(sign);
      this.rest = this.rest.slice(1).trim();
    }
  }

  /** `12-`: some ledgers put the minus after the number. */
  trailingMinus(): void {
    if (this.rest.endsWith('-')) {
      this.sign('-');
      this.rest = this.rest.slice(0, -1).trim();
    }
  }

  prefix(): void {
    const upper = this.rest.toUpperCase();
    const hit = PREFIXES.find(([marker]) => upper.startsWith(marker));
    if (hit) {
      this.markers.push(hit[1]);
      this.rest = this.rest.slice(hit[0].length).trim();
    }
  }

  suffix(): void {
    const upper = this.rest.toUpperCase();
    const hit = SUFFIXES.find(([marker]) => upper.endsWith(marker));
    if (hit) {
      this.markers.push(hit[1]);
      this.rest = this.rest.slice(0, -hit[0].length).trim();
    }
  }

  private sign(sign: '-' | '+'): void {
    this.signs++;
    if (sign === '-') this.negative = true;
  }

  /**
   * The currency the markers name; two markers must agree (`¥12元` is fine, `$12 EUR` is not; a
   * bare `$` goes with any dollar: `$12 USD`).
   */
  currency(): Marker {
    const named = [...new Set(this.markers.filter((marker) => marker !== null))];
    const bareDollar = this.markers.includes(null);
    if (named.length > 1 || (bareDollar && named[0] && !DOLLARS.has(named[0]))) return { found: false };
    return { found: true, currency: named[0] ?? null };
  }
}

/**
 * The decimal separator of a number written with `.`, `,` and spaces, or null when the grouping
 * makes no sense.
 *
 * - Both `.` and `,`: the last one is the decimal separator (`1,234.50`, `1.234,50`).
 * - Only `,`: one `,` followed by 1–2 digits is a decimal comma (`1,23` = 1.23, `12,5`); followed
 *   by exactly 3 digits, or several of them, it groups thousands (`1,234` = 1234, `1,234,567`).
 * - Only `.`: one `.` is a decimal point (`1.234` = 1.234, `0.001`); several group thousands
 *   (`1.234.567`).
 * - Spaces only ever group thousands (`1 234,50`).
 * Thousands groups must be 3 digits after a first group of 1–3, so `1,2,3` is not an amount.
 */
function decimalSeparator(number: string): '.' | ',' | '' | null {
  const lastDot = number.lastIndexOf('.');
  const lastComma = number.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const only = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
  if (!only) return '';
  const occurrences = number.split(only).length - 1;
  if (occurrences > 1) return '';
  if (only === ',') return /,\d{1,2}$/.test(number) ? ',' : /,\d{3}$/.test(number) ? '' : null;
  return '.';
}

/** Cents of `integer.fraction` without floating point; a third decimal rounds half away from zero. */
function toCents(integer: string, fraction: string): number | null {
  const cents = Number(integer) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  const rounded = cents + (Number(fraction[2] ?? '0') >= 5 ? 1 : 0);
  return Number.isSafeInteger(rounded) ? rounded : null;
}

/** The unsigned number part: digits with thousands groups and at most one decimal separator. */
function readNumber(number: string): number | null {
  if (!/^\d[\d., ]*$/.test(number)) return null;
  const decimal = decimalSeparator(number);
  if (decimal === null) return null;
  const cut = decimal ? number.lastIndexOf(decimal) : number.length;
  const integer = number.slice(0, cut);
  const fraction = number.slice(cut + 1);
  if (!/^\d*$/.test(fraction)) return null; // a thousands separator after the decimal one
  const grouping = integer.match(/[., ]/)?.[0];
  if (grouping) {
    const groups = new RegExp(`^\\d{1,3}(\\${grouping}\\d{3})+$`);
    if (!groups.test(integer)) return null;
  }
  return toCents(integer.replace(/[., ]/g, ''), fraction);
}

/**
 * Reads an amount as exported by shops, banks and spreadsheets into cents: currency symbols and
 * codes before or after, thousands separators of either convention, accounting parentheses and
 * leading or trailing minus. Anything else (`12abc`, `--5`, `1,2,3.4.5`) is not an amount.
 */
/** `2.55`, `-12`, `1234.5`: most cells of a machine-made file, read without the general path. */
const PLAIN_AMOUNT = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

export function readAmount(text: string): AmountReading {
  const plain = PLAIN_AMOUNT.exec(text);
  if (plain) {
    const cents = Number(plain[2]) * 100 + Number((plain[3] ?? '').padEnd(2, '0'));
    return { ok: true, cents: plain[1] === '-' && cents !== 0 ? -cents : cents, currency: null };
  }
  const amount = new AmountText(text);
  amount.parentheses();
  amount.leadingSign();
  amount.prefix();
  amount.leadingSign();
  amount.parentheses();
  amount.trailingMinus();
  amount.suffix();
  amount.trailingMinus();
  const currency = amount.currency();
  if (amount.signs > 1 || !currency.found) return NOT_AN_AMOUNT;
  const cents = readNumber(amount.rest);
  if (cents === null) return NOT_AN_AMOUNT;
  return { ok: true, cents: amount.negative && cents !== 0 ? -cents : cents, currency: currency.currency };
}

/**
 * Whole numbers (quantities, minutes): an optional sign, `1,000` thousands, `2.0` as written by
 * spreadsheets. `2.5` is not a whole number: null rather than a silent rounding.
 */
export function readInteger(text: string): number | null {
  const match = toHalfWidth(text)
    .trim()
    .match(/^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.0*)?$/);
  if (!match) return null;
  const value = Number(match[2]!.replace(/,/g, ''));
  if (!Number.isSafeInteger(value)) return null;
  return match[1] === '-' && value !== 0 ? -value : value;
}
