import type { ChannelInput, Deal, FieldIssue } from '../../../src-shared/contract';
import { minorDigits } from '../customers/money';

/** The deal's fields as the form holds them: all text, as typed. */
export interface DealFormValues {
  title: string;
  customerId: string;
  /** Only for a new deal: stages change by moving, not by editing. Empty = the first stage. */
  stageId: string;
  /** Major units as typed ("12,500.00"); sent as `valueCents`. */
  value: string;
  currency: string;
  /** Empty = the stage's default. */
  probability: string;
  expectedClose: string;
  source: string;
  nextStep: string;
  nextStepDate: string;
  notes: string;
}

export const DEAL_FORM_FIELDS = [
  'title',
  'customerId',
  'stageId',
  'value',
  'currency',
  'probability',
  'expectedClose',
  'source',
  'nextStep',
  'nextStepDate',
  'notes',
] as const satisfies readonly (keyof DealFormValues)[];
export type DealFormField = (typeof DEAL_FORM_FIELDS)[number];

export function dealFormValues(
  deal: Deal | null,
  defaults: { currency: string; customerId?: number; stageId?: number },
): DealFormValues {
  return {
    title: deal?.title ?? '',
    customerId: String(deal?.customerId ?? defaults.customerId ?? ''),
    stageId: String(deal?.stageId ?? defaults.stageId ?? ''),
    value: deal ? centsToText(deal.valueCents, deal.currency) : '',
    currency: deal?.currency ?? defaults.currency,
    probability: deal?.probabilityOverridden ? String(deal.probability) : '',
    expectedClose: deal?.expectedClose ?? '',
    source: deal?.source ?? '',
    nextStep: deal?.nextStep ?? '',
    nextStepDate: deal?.nextStepDate ?? '',
    notes: deal?.notes ?? '',
  };
}

/** Minor units -> the plain decimal the field shows ("12500.5" stays exact: no float arithmetic). */
function centsToText(cents: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(cents);
  const sign = cents < 0 ? '-' : '';
  const text = String(Math.abs(cents)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * "1,299.50", "-20" -> signed minor units; NaN for text that is no amount. A sign is read (not
 * refused here) so the schema names a negative value the way the server would.
 */
export function parseSignedAmount(text: string, currency: string): number {
  const digits = minorDigits(/^[A-Z]{3}$/.test(currency) ? currency : 'XXX');
  const match = /^([-+]?)(\d+)(?:\.(\d*))?$/.exec(text.trim().replace(/[\s,]/g, ''));
  if (!match || (match[3] ?? '').length > digits) return Number.NaN;
  const value = Number((match[2] ?? '0') + (match[3] ?? '').padEnd(digits, '0'));
  return match[1] === '-' ? -value : value;
}

/** Where an issue's path shows on the form: `valueCents` is typed into `value`, `patch.x` is `x`. */
export function dealFieldOf(path: string): DealFormField | undefined {
  const name = path.replace(/^patch\./, '').split('.')[0];
  if (name === 'valueCents') return 'value';
  return DEAL_FORM_FIELDS.find((field) => field === name);
}

function common(values: DealFormValues) {
  const currency = values.currency.trim().toUpperCase();
  const issues: FieldIssue[] = [];
  const valueCents = values.value.trim() ? parseSignedAmount(values.value, currency) : Number.NaN;
  if (!values.value.trim()) issues.push({ path: 'value', code: 'required', message: 'A value is required' });
  else if (Number.isNaN(valueCents))
    issues.push({ path: 'value', code: 'invalid', message: 'Not an amount' });
  const probability = values.probability.trim() === '' ? null : Number(values.probability.trim());
  const fields = {
    title: values.title,
    valueCents: Number.isNaN(valueCents) ? undefined : valueCents,
    currency,
    probability,
    expectedClose: values.expectedClose,
    source: values.source,
    nextStep: values.nextStep,
    nextStepDate: values.nextStepDate,
    notes: values.notes,
  };
  return { fields, issues };
}

/**
 * A new deal's `deals.create` input and the issues only the form can see (an amount it cannot read,
 * no customer picked); the contract's schema checks the rest (useQuickForm runs it).
 */
export function toCreateInput(values: DealFormValues): {
  input: ChannelInput<'deals.create'>;
  issues: FieldIssue[];
} {
  const { fields, issues } = common(values);
  if (!values.customerId) issues.push({ path: 'customerId', code: 'required', message: 'Pick a customer' });
  const input = {
    ...fields,
    customerId: Number(values.customerId) || undefined,
    stageId: values.stageId ? Number(values.stageId) : undefined,
  };
  // Fields left undefined are for the schema to name; the cast says so.
  return { input: input as ChannelInput<'deals.create'>, issues };
}

/** An edited deal's `deals.update` patch: every field the form shows. */
export function toPatch(values: DealFormValues): {
  input: ChannelInput<'deals.update'>['patch'];
  issues: FieldIssue[];
} {
  const { fields, issues } = common(values);
  return { input: fields, issues };
}
