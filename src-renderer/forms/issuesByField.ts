import type { FieldIssue } from '../../src-shared/contract';

/**
 * Sorts issues onto a form's fields, first issue per field; the rest (whole-input problems, fields the
 * form does not show) come back in `other`. Server paths for updates read `patch.<field>`.
 */
export function issuesByField<F extends string>(
  issues: readonly FieldIssue[],
  fields: readonly F[],
): { byField: Partial<Record<F, FieldIssue>>; other: FieldIssue[] } {
  const byField: Partial<Record<F, FieldIssue>> = {};
  const other: FieldIssue[] = [];
  for (const issue of issues) {
    const name = issue.path.replace(/^patch\./, '');
    const field = fields.find((candidate) => candidate === name);
    if (field === undefined) other.push(issue);
    else byField[field] ??= issue;
  }
  return { byField, other };
}
