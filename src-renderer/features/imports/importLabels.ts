import {
  REJECT_CODES,
  WARNING_CODES,
  type CustomFieldDefinition,
  type RejectCode,
  type TextEncoding,
  type WarningCode,
} from '../../../src-shared/contract';
import type { ApiError } from '../../api';
import { describeError, describeIssue } from '../../i18n/describe';
import type { Translate } from '../../i18n/useI18n';

/** Encodings by their standard names: the same in every language, so not in the catalogs. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030 / GBK',
  big5: 'Big5',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

/** A column as the owner knows it: its header, or "Column 3" when the header is blank. */
export function columnName(t: Translate, header: string, index: number): string {
  return header.trim() || t('imports.column', { n: index + 1 });
}

/** Where a mapped column goes, in words: a built-in target, a custom field by its label. */
export function targetLabel(t: Translate, target: string, customFields: CustomFieldDefinition[]): string {
  if (target.startsWith('custom:')) {
    const id = Number(target.slice('custom:'.length));
    return customFields.find((field) => field.id === id)?.label ?? target;
  }
  // Every target of IMPORT_TARGETS has a label in both catalogs (tests/unit/importWizard.test.ts).
  return t(`imports.target.${target}` as Parameters<Translate>[0]);
}

const isReject = (code: string): code is RejectCode => (REJECT_CODES as readonly string[]).includes(code);
const isWarning = (code: string): code is WarningCode => (WARNING_CODES as readonly string[]).includes(code);

/** Why a row was rejected or flagged; a code this UI does not know yet shows as itself. */
export function problemReason(t: Translate, code: string, kind: 'reject' | 'warning'): string {
  if (kind === 'reject' && isReject(code)) return t(`imports.reject.${code}`);
  if (kind === 'warning' && isWarning(code)) return t(`imports.warning.${code}`);
  return code;
}

/**
 * A failed import call in words: a refused file says why (an Excel workbook, a broken quote on
 * line 12) through its issue; anything else by its error code.
 */
export function describeImportError(t: Translate, error: ApiError): string {
  const issue = error.issues.find((candidate) => candidate.code.startsWith('file_')) ?? error.issues[0];
  return issue ? describeIssue(t, issue) : describeError(t, error.code);
}
