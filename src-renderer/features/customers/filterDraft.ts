import type { CustomerFilters, CustomFieldDefinition, SegmentKey } from '../../../src-shared/contract';
import { customerFilters } from '../../../src-shared/contract';
import type { MessageKey } from '../../i18n/en';
import { minorDigits, parseAmount } from './money';

export type CustomCondition = NonNullable<CustomerFilters['custom']>[number];
export type Tristate = 'any' | 'yes' | 'no';

/** The filter form as typed: text stays text until "Apply" checks it. */
export interface FilterDraft {
  tagIds: number[];
  stages: string[];
  sources: string[];
  /** Cities separated by commas (or Chinese commas, 、 or new lines). */
  cities: string;
  hasEmail: Tristate;
  hasPhone: Tristate;
  lastContactBefore: string;
  lastContactAfter: string;
  revenueMin: string;
  revenueMax: string;
  custom: CustomCondition[];
  /** The latest analytics run's segments and clusters; any listed one matches. */
  segments: SegmentKey[];
  clusters: number[];
  /** Churn risk at least this many percent ("50" for P(churn) ≥ 0.5). */
  churnRiskMin: string;
  /** Lifetime value at least this amount, typed like revenue. */
  clvMin: string;
}

export type DraftField =
  'cities' | 'lastContactAfter' | 'revenueMin' | 'revenueMax' | 'churnRiskMin' | 'clvMin';
export type DraftErrors = Partial<Record<DraftField, MessageKey>>;

const CITY_SEPARATORS = /[,，、;；\n]/;

const toTristate = (value: boolean | undefined): Tristate =>
  value === undefined ? 'any' : value ? 'yes' : 'no';
const fromTristate = (value: Tristate): boolean | undefined =>
  value === 'any' ? undefined : value === 'yes';

/** Cents -> the plain decimal the owner would type ("1200.5" for 120050 cents). */
export function centsToText(cents: number | undefined, currency: string): string {
  if (cents === undefined) return '';
  const digits = minorDigits(currency);
  return digits === 0 ? String(cents) : String(cents / 10 ** digits);
}

export function draftFromFilters(filters: CustomerFilters, currency: string): FilterDraft {
  return {
    tagIds: filters.tagIds ?? [],
    stages: filters.stages ?? [],
    sources: filters.sources ?? [],
    cities: (filters.cities ?? []).join(', '),
    hasEmail: toTristate(filters.hasEmail),
    hasPhone: toTristate(filters.hasPhone),
    lastContactBefore: filters.lastContactBefore ?? '',
    lastContactAfter: filters.lastContactAfter ?? '',
    revenueMin: centsToText(filters.revenueMinCents, currency),
    revenueMax: centsToText(filters.revenueMaxCents, currency),
    custom: filters.custom ?? [],
    segments: filters.segments ?? [],
    clusters: filters.clusters ?? [],
    churnRiskMin:
      filters.churnRiskMin === undefined ? '' : String(Math.round(filters.churnRiskMin * 1000) / 10),
    clvMin: centsToText(filters.clvMinCents, currency),
  };
}

/** "50" or "50%" -> 0.5; null unless a number from 0 to 100. */
function parsePercent(text: string): number | null {
  const value = Number(
    text
      .trim()
      .replace(/[%％]$/, '')
      .trim(),
  );
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 100
    ? Math.round(value * 10) / 1000
    : null;
}

/** Drops empty conditions, so an unused filter never reaches the server or a saved view. */
function compact(filters: CustomerFilters): CustomerFilters {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    result[key] = value;
  }
  return result as CustomerFilters;
}

/** The draft checked and turned into the contract's filters, or the message for each field that is wrong. */
export function filtersFromDraft(
  draft: FilterDraft,
  currency: string,
): { filters: CustomerFilters; errors: null } | { filters: null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const amount = (field: 'revenueMin' | 'revenueMax' | 'clvMin') => {
    if (draft[field].trim() === '') return undefined;
    const cents = parseAmount(draft[field], currency);
    if (cents === null) errors[field] = 'customerList.filter.amountInvalid';
    return cents ?? undefined;
  };
  const revenueMinCents = amount('revenueMin');
  const revenueMaxCents = amount('revenueMax');
  const clvMinCents = amount('clvMin');
  let churnRiskMin: number | undefined;
  if (draft.churnRiskMin.trim() !== '') {
    churnRiskMin = parsePercent(draft.churnRiskMin) ?? undefined;
    if (churnRiskMin === undefined) errors.churnRiskMin = 'customerList.filter.percentInvalid';
  }
  if (revenueMinCents !== undefined && revenueMaxCents !== undefined && revenueMinCents > revenueMaxCents) {
    errors.revenueMax = 'customerList.filter.revenueRange';
  }
  const { lastContactAfter: after, lastContactBefore: before } = draft;
  if (after && before && after >= before) errors.lastContactAfter = 'customerList.filter.dateRange';

  const cities = [
    ...new Set(
      draft.cities
        .split(CITY_SEPARATORS)
        .map((city) => city.trim())
        .filter(Boolean),
    ),
  ];
  const filters = compact({
    tagIds: draft.tagIds,
    stages: draft.stages,
    sources: draft.sources,
    cities,
    hasEmail: fromTristate(draft.hasEmail),
    hasPhone: fromTristate(draft.hasPhone),
    lastContactBefore: before || undefined,
    lastContactAfter: after || undefined,
    revenueMinCents,
    revenueMaxCents,
    custom: draft.custom,
    segments: draft.segments,
    clusters: draft.clusters,
    churnRiskMin,
    clvMinCents,
  });
  // The contract has the last word (a city longer than the database allows, too many of them).
  const checked = customerFilters.safeParse(filters);
  if (!checked.success) errors.cities ??= 'customerList.filter.citiesInvalid';
  return Object.keys(errors).length > 0 ? { filters: null, errors } : { filters, errors: null };
}

/** Which comparisons make sense for a custom field's type. */
export function opsFor(type: CustomFieldDefinition['type']): CustomCondition['op'][] {
  switch (type) {
    case 'text':
      return ['contains', 'eq', 'notEmpty', 'empty'];
    case 'select':
      return ['eq', 'notEmpty', 'empty'];
    case 'number':
    case 'date':
      return ['eq', 'gte', 'lte', 'notEmpty', 'empty'];
  }
}

export const opTakesValue = (op: CustomCondition['op']) => op !== 'empty' && op !== 'notEmpty';

/** One custom-field condition from the builder's inputs, or the message for its value. */
export function customCondition(
  field: CustomFieldDefinition,
  op: CustomCondition['op'],
  text: string,
): { condition: CustomCondition; error: null } | { condition: null; error: MessageKey } {
  if (!opTakesValue(op)) return { condition: { fieldId: field.id, op }, error: null };
  const value = text.trim();
  if (value === '') return { condition: null, error: 'customerList.filter.valueRequired' };
  if (field.type === 'number') {
    const number = Number(value.replace(/,/g, ''));
    if (!Number.isFinite(number)) return { condition: null, error: 'issue.number' };
    return { condition: { fieldId: field.id, op, value: number }, error: null };
  }
  if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    return { condition: null, error: 'issue.date' };
  return { condition: { fieldId: field.id, op, value: value.slice(0, 1000) }, error: null };
}

/** The number of conditions in force, for the Filters button's badge. */
export function activeFilterCount(filters: CustomerFilters): number {
  return Object.entries(filters).reduce(
    (sum, [key, value]) => sum + (key === 'custom' && Array.isArray(value) ? value.length : 1),
    0,
  );
}
