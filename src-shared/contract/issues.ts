import type { z } from 'zod';
import { ISSUE_CODES, type FieldIssue, type IssueCode } from './errors';

/**
 * Reduces zod's issues to our small vocabulary. Shared by the dispatcher (server-side envelope)
 * and the forms (the same messages before anything is sent).
 */
export function toFieldIssues(error: z.ZodError, input: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path: path ? `${path}.${key}` : key,
          code: 'unknown_field',
          message: `Unknown field "${key}"`,
        });
      }
      continue;
    }
    const { code, params } = classify(issue, valueAt(input, issue.path));
    out.push(
      params ? { path, code, message: issue.message, params } : { path, code, message: issue.message },
    );
  }
  return out;
}

function classify(
  issue: z.core.$ZodIssue,
  value: unknown,
): { code: IssueCode; params?: Record<string, number | string> } {
  switch (issue.code) {
    case 'invalid_type':
      return { code: value === undefined || value === null ? 'required' : 'invalid' };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { code: 'required' };
      return { code: 'too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { code: 'too_long', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { code: issue.format === 'email' ? 'email' : 'invalid' };
    case 'custom': {
      const named: unknown = issue.params?.issue;
      return { code: isIssueCode(named) ? named : 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}

const isIssueCode = (value: unknown): value is IssueCode =>
  (ISSUE_CODES as readonly unknown[]).includes(value);

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A one-line English summary for logs and the CLI, naming the fields. */
export function describeIssues(issues: FieldIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
}
