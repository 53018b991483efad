import { z } from 'zod';
import { EMAIL_PATTERN } from './emailPattern';

export { EMAIL_PATTERN };

/**
 * Field builders shared by every domain's schemas, so that "optional text", "email" and "id"
 * mean the same thing on every channel and in every form.
 */

/** Required text: trimmed, not empty. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** Optional text: trimmed; empty or missing becomes null so the database stores one kind of "nothing". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

const isEmail = (value: string | null) => value === null || EMAIL_PATTERN.test(value);
const EMAIL_ISSUE = { message: 'Not a valid email address', params: { issue: 'email' } };

export const optionalEmail = () => optionalText(254).refine(isEmail, EMAIL_ISSUE);
export const requiredEmail = () => requiredText(254).refine(isEmail, EMAIL_ISSUE);

/** `YYYY-MM-DD` that names a real day (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
const DATE_ISSUE = { message: 'Not a valid date (YYYY-MM-DD)', params: { issue: 'date' } };
export const calendarDate = () => z.string().trim().refine(isCalendarDate, DATE_ISSUE);
export const optionalCalendarDate = () =>
  optionalText(10).refine((value) => value === null || isCalendarDate(value), DATE_ISSUE);

export const recordId = z.number().int().positive();

/** Instants cross the boundary as UTC ISO-8601 strings. */
export const isoInstant = z.string();
/** An instant sent by a caller: any ISO-8601 date-time with an offset, normalised to UTC by the service. */
export const instantInput = () =>
  z
    .string()
    .trim()
    .refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), DATE_ISSUE);

/** Money as integer minor units (cents, fen): never floats. */
export const cents = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'A three-letter currency code such as CNY, USD or GBP');

export const noInput = z.strictObject({}).default({});
