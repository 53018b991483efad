import type { ErrorCode, FieldIssue } from '../../src-shared/contract';
import type { Translate } from './useI18n';

/** A field issue in the reader's language; `params` carry limits such as `{ max: 200 }`. */
export function describeIssue(t: Translate, issue: Pick<FieldIssue, 'code' | 'params'>): string {
  return t(`issue.${issue.code}`, issue.params);
}

/** An error code in the reader's language. The server's `message` is English and meant for logs. */
export function describeError(t: Translate, code: ErrorCode): string {
  return t(`error.${code}`);
}
