import type { DateOrder } from '../../src-shared/contract';
import { EMAIL_PATTERN } from '../../src-shared/contract/emailPattern';
import { normalizePhone } from '../customers/contacts';
import { detachedText, type MappedRow } from './columns';
import type { ProblemLog } from './problemLog';
import { readAmount, readInteger } from './values/amounts';
import { readDate, toCalendarDate, toLocalEpoch, type DateParts } from './values/dates';
import { isExcelScientific, looksExcelTruncated } from './values/excelDamage';

/**
 * Readers for the typed cells every kind shares (dates, emails, phones, amounts). A bad cell
 * rejects its row via `row.reject` with a reason naming the column; a doubtful one warns.
 */
export interface CellContext {
  dateOrder: DateOrder;
  region: string | null;
  problems: ProblemLog;
  dates: DateOrderVotes;
}

/**
 * With `auto`, a column's `03/04/2024` is read the way its unambiguous neighbours (`25/04/2024`)
 * say. Rows that only had ambiguous dates wait until the whole file was seen.
 */
export class DateOrderVotes {
  private dmy = 0;
  private mdy = 0;

  note(text: string): void {
    if (!/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/.test(text)) return;
    const asDmy = readDate(text, 'dmy').kind === 'date';
    const asMdy = readDate(text, 'mdy').kind === 'date';
    if (asDmy && !asMdy) this.dmy++;
    if (asMdy && !asDmy) this.mdy++;
  }

  /** The order the file settled on, or null when it never said (or said both). */
  decided(): 'dmy' | 'mdy' | null {
    if (this.dmy > 0 && this.mdy === 0) return 'dmy';
    if (this.mdy > 0 && this.dmy === 0) return 'mdy';
    return null;
  }
}

/** 1927-05-18 and 2099-12-31 as Excel day numbers. */
const EXCEL_SERIAL_MIN = 10_000;
const EXCEL_SERIAL_MAX = 73_050;

function dateParts(row: MappedRow, target: string, context: CellContext): DateParts | null {
  const text = row.text(target);
  if (text === '') return null;
  // A bare number is Excel's day count only in a plausible range (1927–2099): `1990` is a year,
  // not 1905-06-12, and an invoice number mapped as the date is not the year 3368.
  const serial = /^(\d+)(\.\d+)?$/.exec(text);
  if (serial && !(Number(serial[1]) >= EXCEL_SERIAL_MIN && Number(serial[1]) <= EXCEL_SERIAL_MAX)) {
    row.reject('date', target);
  }
  const reading = readDate(text, context.dateOrder);
  if (reading.kind === 'either') row.reject('ambiguous_date', target);
  if (reading.kind === 'invalid') row.reject('date', target);
  return reading.parts;
}

/** A calendar date (`YYYY-MM-DD`: birthdays, date custom fields), or null when blank. */
export function calendarDateCell(row: MappedRow, target: string, context: CellContext): string | null {
  const parts = dateParts(row, target, context);
  return parts ? toCalendarDate(parts) : null;
}

/** An instant (epoch ms, local time when the file has no zone), or null when blank. */
/**
 * The last instant read. An invoice's lines repeat its time (the Online Retail file: 541,909 lines,
 * about 23,000 different times), and reading a date was a tenth of that import.
 */
let lastInstant: { text: string; order: DateOrder; epoch: number } | null = null;

export function instantCell(row: MappedRow, target: string, context: CellContext): number | null {
  const text = row.text(target);
  if (lastInstant && lastInstant.text === text && lastInstant.order === context.dateOrder) {
    return lastInstant.epoch;
  }
  const parts = dateParts(row, target, context);
  if (!parts) return null;
  const epoch = toLocalEpoch(parts);
  lastInstant = { text, order: context.dateOrder, epoch };
  return epoch;
}

const BRACKETED = /^[^<>]*<([^<>]+)>$/;

/**
 * Exactly one address per cell: `Name <a@b.cn>` gives a@b.cn, full-width `＠` is read as `@`,
 * and a second address (`a@b.cn, c@d.cn`) rejects the row instead of becoming two recipients.
 */
export function emailCells(row: MappedRow, target: string): string[] {
  return row.all(target).map(({ text, column }) => {
    let address = text.normalize('NFKC').replace(/^mailto:/i, '');
    const bracketed = BRACKETED.exec(address);
    if (bracketed) address = bracketed[1]!.trim();
    if ((address.match(/@/g) ?? []).length > 1 || /[,;\s]/.test(address)) {
      row.rejectColumn('two_emails', column);
    }
    if (address.length > 254 || !EMAIL_PATTERN.test(address)) row.rejectColumn('email', column);
    const at = address.lastIndexOf('@');
    return detachedText(address.slice(0, at) + address.slice(at).toLowerCase());
  });
}

/**
 * Phones as typed (never "repaired"): Excel's `1.38001E+10` and numbers past Excel's 15 digits
 * are kept and flagged; numbers that are not valid for their region are kept and flagged.
 */
export function phoneCells(row: MappedRow, target: string, context: CellContext): string[] {
  return row.all(target).map(({ text, column }) => {
    const typed = typedPhone(text);
    if (isExcelScientific(typed) || looksExcelTruncated(typed)) {
      context.problems.warn(row.problem('excel_number', column));
    } else if (!normalizePhone(typed, context.region).valid) {
      context.problems.warn(row.problem('invalid_phone', column));
    }
    if (typed.length > 64) row.rejectColumn('too_long', column);
    return detachedText(typed);
  });
}

/** Our exports keep phones as text with a leading apostrophe; it is not part of the number. */
export const typedPhone = (cell: string) => cell.replace(/^'/, '');

/** Minor units (≥ 0 unless `allowNegative`) and the currency the cell names, or null when blank. */
export function amountCell(
  row: MappedRow,
  target: string,
  options: { allowNegative?: boolean } = {},
): { cents: number; currency: string | null } | null {
  const text = row.text(target);
  if (text === '') return null;
  const amount = readAmount(text);
  if (!amount.ok) row.reject('amount', target);
  if (amount.cents < 0 && !options.allowNegative) row.reject('negative_amount', target);
  return { cents: amount.cents, currency: amount.currency };
}

export function integerCell(row: MappedRow, target: string, code: 'quantity' | 'number'): number | null {
  const text = row.text(target);
  if (text === '') return null;
  const value = readInteger(text);
  if (value === null) row.reject(code, target);
  return value;
}

/**
 * Text with a length limit: longer cells reject the row rather than being cut. The text is the
 * import's own copy (see columns.ts, detachedText): what a plan keeps must not keep the file.
 * With `shared`, equal texts are one string (400,000 order lines name ~4,000 products): looked up
 * before anything is copied.
 */
export function textCell(
  row: MappedRow,
  target: string,
  max: number,
  shared?: Map<string, string>,
): string | null {
  const text = row.text(target);
  if (text.length > max) row.reject('too_long', target);
  if (text === '') return null;
  const known = shared?.get(text);
  if (known !== undefined) return known;
  const own = detachedText(text);
  shared?.set(own, own);
  return own;
}
