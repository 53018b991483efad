import {
  ACTION_KEYS,
  CHURN_FEATURES,
  type ChurnFeature,
  CLUSTER_NAME_KEYS,
  type ActionKey,
  type AnalyticsRun,
  type ClusterNameKey,
  type ClusterProfile,
  type ModelRefusal,
  type REFUSAL_REASONS,
  type SegmentKey,
} from '../../../src-shared/contract';
import type { MessageKey, Translate } from '../../i18n/useI18n';
import { formatMoney, minorDigits } from '../customers/money';

/**
 * How the analytics pages write figures: money in the run's currency (minor units in, major units
 * out), shares as percentages, months and days in the reader's style. Pure, so the chart builders
 * that use it can be tested without a browser.
 */
export interface AnalyticsFormat {
  t: Translate;
  locale: string;
  currency: string;
  money: (cents: number) => string;
  /** "¥1.2万" / "£12K": for axis labels, where the full amount would not fit. */
  moneyCompact: (cents: number) => string;
  number: (value: number, maximumFractionDigits?: number) => string;
  /** 0.423 -> "42%" (or "42.3%" with one digit). */
  percent: (share: number, maximumFractionDigits?: number) => string;
  /** `YYYY-MM` -> "Jan 2026" / "2026年1月". */
  month: (month: string) => string;
  /** `YYYY-MM-DD` -> "3 Dec 2026" / "2026年12月3日". */
  day: (day: string) => string;
}

/** Calendar days and months are read in UTC, so the day shown is the day stored, in any time zone. */
const utc = (text: string) => new Date(`${text}T00:00:00Z`);

export function analyticsFormat(t: Translate, locale: string, currency: string): AnalyticsFormat {
  const months = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const digits = minorDigits(currency);
  let compact: Intl.NumberFormat;
  try {
    compact = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
  } catch {
    compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  }
  const readable = (text: string, format: Intl.DateTimeFormat, suffix: string) => {
    const date = utc(text + suffix);
    return Number.isNaN(date.getTime()) ? text : format.format(date);
  };
  return {
    t,
    locale,
    currency,
    money: (cents) => formatMoney(locale, Math.round(cents), currency),
    moneyCompact: (cents) => compact.format(cents / 10 ** digits),
    number: (value, maximumFractionDigits = 0) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value),
    percent: (share, maximumFractionDigits = 0) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }).format(share),
    month: (month) => readable(month, months, '-01'),
    day: (day) => readable(day, days, ''),
  };
}

/** "as of 3 Dec 2026 (today)": the day the figures describe, and why that day. */
export function asOfText(format: AnalyticsFormat, run: Pick<AnalyticsRun, 'asOf' | 'asOfSource'>): string {
  return format.t(`analytics.asOf.${run.asOfSource}`, { date: format.day(run.asOf) });
}

export const segmentName = (t: Translate, key: SegmentKey) => t(`analytics.segment.${key}`);
export const segmentDescription = (t: Translate, key: SegmentKey) => t(`analytics.segmentHint.${key}`);

/** A recommended action in words; an action this version does not know is shown as nothing rather than a key. */
export function actionText(t: Translate, action: string): string {
  return (ACTION_KEYS as readonly string[]).includes(action)
    ? t(`analytics.action.${action as ActionKey}`)
    : t('table.emptyCell');
}

export function clusterName(t: Translate, nameKey: string | null): string {
  return nameKey !== null && (CLUSTER_NAME_KEYS as readonly string[]).includes(nameKey)
    ? t(`analytics.cluster.${nameKey as ClusterNameKey}`)
    : t('analytics.cluster.unnamed');
}

/**
 * A cluster's name as the owner tells clusters apart: two clusters may share a profile name, and
 * then each carries its number ("Lapsed, low value · 2").
 */
export function clusterLabel(
  t: Translate,
  index: number,
  profiles: readonly Pick<ClusterProfile, 'index' | 'nameKey'>[],
): string {
  const profile = profiles.find((candidate) => candidate.index === index);
  const name = clusterName(t, profile?.nameKey ?? null);
  const shared = profile && profiles.filter((other) => other.nameKey === profile.nameKey).length > 1;
  return profile && !shared ? name : t('analytics.cluster.numbered', { name, number: index + 1 });
}

export type AnalyticsModel = 'clusters' | 'churn' | 'quality' | 'lifetime' | 'forecast';

const CHURN_REFUSALS: Record<(typeof REFUSAL_REASONS.churn)[number], MessageKey> = {
  too_few_customers: 'analytics.refusal.churn.tooFewCustomers',
  one_class: 'analytics.refusal.churn.oneClass',
  too_few_of_a_class: 'analytics.refusal.churn.tooFewOfAClass',
  history_too_short: 'analytics.refusal.churn.historyTooShort',
};

/** Every refusal the engine gives, per model (the contract's REFUSAL_REASONS). */
const REFUSALS: Record<AnalyticsModel, Record<string, MessageKey>> = {
  clusters: {
    too_few_customers: 'analytics.refusal.clusters.tooFewCustomers',
    identical_customers: 'analytics.refusal.clusters.identical',
    invalid_values: 'analytics.refusal.clusters.invalid',
  },
  churn: CHURN_REFUSALS,
  // The quality window is refused for the same reasons as the model itself.
  quality: CHURN_REFUSALS,
  lifetime: {
    too_few_customers: 'analytics.refusal.lifetime.tooFewCustomers',
    too_few_repeat_buyers: 'analytics.refusal.lifetime.tooFewRepeatBuyers',
    did_not_converge: 'analytics.refusal.lifetime.didNotConverge',
    implausible_parameters: 'analytics.refusal.lifetime.implausible',
    invalid_summaries: 'analytics.refusal.lifetime.invalid',
  },
  forecast: { no_orders: 'analytics.refusal.forecast.noOrders' },
};

/** Why a model gave no result, as a sentence with the number it needs ("Need at least 20 customers…"). */
export function refusalText(t: Translate, model: AnalyticsModel, refusal: ModelRefusal): string {
  const key = REFUSALS[model][refusal.reason] ?? 'analytics.refusal.unknown';
  return t(key, { needed: refusal.needed ?? 0 });
}

/**
 * One of a customer's top churn reasons in words: the fact about them ("Few orders", "Ordered
 * recently") and which way it moves the risk (a positive contribution pushes toward churn).
 * Null for a feature this version does not know.
 */
export function churnReasonText(
  t: Translate,
  reason: { feature: string; contribution: number; above: boolean },
): string | null {
  if (!(CHURN_FEATURES as readonly string[]).includes(reason.feature)) return null;
  const side = reason.above ? 'above' : 'below';
  const fact = t(`analytics.reasonFact.${reason.feature as ChurnFeature}.${side}`);
  return t(reason.contribution >= 0 ? 'analytics.reason.raises' : 'analytics.reason.lowers', { fact });
}
