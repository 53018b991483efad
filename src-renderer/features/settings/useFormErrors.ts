import { useState } from 'react';
import type { z } from 'zod';
import { toFieldIssues, type ErrorCode, type FieldIssue } from '../../../src-shared/contract';
import { toApiError } from '../../api';
import { showToast } from '../../components/useToastStore';

/** Turns an issue into the sentence shown under its field; `code` is the error's code (null before sending). */
export type DescribeIssue<F extends string> = (field: F, issue: FieldIssue, code: ErrorCode | null) => string;

/**
 * Field errors and the busy flag of a small settings form. Issues found before sending and those the
 * server answers (VALIDATION, CONFLICT) land on the field their path names (`options.1` on `options`);
 * an error that names no field of the form becomes an error toast instead of vanishing.
 */
export function useFormErrors<F extends string>(fields: readonly F[], describe: DescribeIssue<F>) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [busy, setBusy] = useState(false);

  const place = (issues: readonly FieldIssue[], code: ErrorCode | null): boolean => {
    const next: Partial<Record<F, string>> = {};
    for (const issue of issues) {
      const field = fields.find((name) => issue.path === name || issue.path.startsWith(`${name}.`));
      if (field !== undefined) next[field] ??= describe(field, issue, code);
    }
    setErrors(next);
    return Object.keys(next).length > 0;
  };

  /** Runs `save` unless `localIssues` already stops it; resolves true when it went through. */
  const submit = async (
    localIssues: readonly FieldIssue[],
    save: () => Promise<unknown>,
  ): Promise<boolean> => {
    if (localIssues.length > 0) {
      place(localIssues, null);
      return false;
    }
    setBusy(true);
    try {
      await save();
      setErrors({});
      return true;
    } catch (error) {
      const apiError = toApiError(error);
      if (!place(apiError.issues, apiError.code))
        showToast({ tone: 'error', message: `error.${apiError.code}` });
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** A field being edited loses its error: the message disappears as soon as the owner acts on it. */
  const clear = (field: F) => {
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  return { errors, busy, submit, clear };
}

/** The issues the contract's own schema finds before anything is sent, so client and server agree. */
export function checkLocally(schema: z.ZodType, input: unknown): FieldIssue[] {
  const result = schema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error, input);
}
