import type { FieldIssue, ParsedInput } from '../../src-shared/contract';
import { invalidFields } from '../core/errors';

/** The date and close rules of a deal (decision 45), as issues naming their field. */

const beforeCreation = (path: string, createdOn: string): FieldIssue => ({
  path,
  code: 'before_creation',
  message: `Cannot be before the deal was created (${createdOn})`,
  params: { date: createdOn },
});

/** Expected to close, or a next step, before the day the deal was created: refused. */
export function checkDealDates(
  createdOn: string,
  dates: { expectedClose?: string | null; nextStepDate?: string | null },
  prefix: string,
): void {
  const issues = (['expectedClose', 'nextStepDate'] as const)
    .filter((field) => {
      const value = dates[field];
      return Boolean(value && value < createdOn);
    })
    .map((field) => beforeCreation(`${prefix}${field}`, createdOn));
  if (issues.length > 0) throw invalidFields(issues);
}

/** What is wrong with closing a deal: the day, the lost reason, an order for a lost deal. */
export function closeIssues(
  input: Pick<ParsedInput<'deals.close'>, 'outcome' | 'lostReason' | 'createOrder'>,
  context: { createdOn: string; today: string; closedOn: string; lostReasons: readonly string[] },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (context.closedOn < context.createdOn) issues.push(beforeCreation('closedOn', context.createdOn));
  if (context.closedOn > context.today) {
    // A won deal with a future close would create an order dated in the future.
    issues.push({
      path: 'closedOn',
      code: 'date',
      message: 'A deal cannot be closed on a day still to come',
    });
  }
  if (input.outcome === 'lost') {
    if (!input.lostReason) {
      issues.push({ path: 'lostReason', code: 'required', message: 'Say why the deal was lost' });
    } else if (!context.lostReasons.includes(input.lostReason)) {
      issues.push({ path: 'lostReason', code: 'option', message: 'Not a reason of the lost-reason list' });
    }
  }
  if (input.createOrder && input.outcome === 'lost') {
    issues.push({ path: 'createOrder', code: 'invalid', message: 'Only a won deal creates an order' });
  }
  return issues;
}
