import { z } from 'zod';

/**
 * Field builders shared by every domain's schemas, so that "optional text", "email" and "id"
 * mean the same thing on every channel and in every form.
 */

/** WHATWG "valid email address": rejects quoted local parts, comments and lists, which mail libraries misroute. */
export const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

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

export const optionalEmail = () =>
  optionalText(254).refine((value) => value === null || EMAIL_PATTERN.test(value), {
    message: 'Not a valid email address',
    params: { issue: 'email' },
  });

export const recordId = z.number().int().positive();

/** Instants cross the boundary as UTC ISO-8601 strings. */
export const isoInstant = z.string();

export const noInput = z.strictObject({}).default({});
