import type { Language, RejectCode } from '../../src-shared/contract';

/**
 * The reason column of the "fix and re-import" file, in the owner's language: that file is opened
 * in Excel, far from the app's translations.
 */
const REASONS: Record<RejectCode, { en: string; zh: string }> = {
  required: { en: 'A required value is empty', zh: '必填项为空' },
  too_long: { en: 'The value is too long', zh: '内容过长' },
  email: { en: 'Not a valid email address', zh: '邮箱地址无效' },
  two_emails: { en: 'More than one email address in one cell', zh: '一个单元格里有多个邮箱地址' },
  date: { en: 'Not a valid date', zh: '日期无效' },
  ambiguous_date: { en: 'The date could be day/month or month/day', zh: '日期无法确定是日/月还是月/日' },
  amount: { en: 'Not an amount', zh: '金额无法识别' },
  negative_amount: { en: 'The amount is negative', zh: '金额为负数' },
  quantity: { en: 'Not a whole quantity', zh: '数量不是整数' },
  number: { en: 'Not a number', zh: '不是数字' },
  option: { en: 'Not one of the choices in Settings', zh: '不在设置的可选项中' },
  no_customer: { en: 'The row names no customer', zh: '该行没有客户信息' },
  unknown_customer: { en: 'No such customer', zh: '找不到该客户' },
  ragged: { en: 'The row has a different number of cells than the header', zh: '该行的列数与表头不一致' },
  invoice_incomplete: {
    en: 'Another line of this invoice was rejected; fix it and import the invoice again',
    zh: '同一订单的另一行未通过，请改正后重新导入整张订单',
  },
};

export function rejectReason(code: string, column: string | null, language: Language): string {
  const reason = REASONS[code as RejectCode];
  const text = reason ? (language === 'en' ? reason.en : reason.zh) : code;
  if (!column) return text;
  return language === 'en' ? `${text} (${column})` : `${text}（${column}）`;
}
