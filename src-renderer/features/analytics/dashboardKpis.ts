import type { ChannelOutput } from '../../../src-shared/contract';
import type { AnalyticsFormat } from './analyticsFormat';

export type Dashboard = ChannelOutput<'analytics.dashboard'>;

/** "+12% vs last month": the change from an earlier month, or why there is none to compare with. */
export function changeText(format: AnalyticsFormat, now: number, before: number, against: string): string {
  const { t } = format;
  if (before === 0) return t('analytics.dashboard.noComparison', { against });
  const change = (now - before) / Math.abs(before);
  const signed = new Intl.NumberFormat(format.locale, {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  }).format(change);
  return t('analytics.dashboard.change', { change: signed, against });
}

export interface Kpi {
  id: string;
  label: string;
  value: string;
  detail?: string[];
  /** The page with the customers behind the figure. */
  page?: 'customers' | 'churn' | 'value';
}

/** The home page's figures as cards; each card that stands for customers links to them. */
export function dashboardKpis(dashboard: Dashboard, format: AnalyticsFormat): Kpi[] {
  const { t } = format;
  const { revenue } = dashboard;
  const none = t('table.emptyCell');
  return [
    {
      id: 'customers',
      label: t('analytics.dashboard.customers'),
      value: format.number(dashboard.customers),
      page: 'customers',
    },
    {
      id: 'active',
      label: t('analytics.dashboard.active', { days: dashboard.activeDays }),
      value: dashboard.activeCustomers === null ? none : format.number(dashboard.activeCustomers),
    },
    {
      id: 'revenue',
      label: t('analytics.dashboard.revenueThisMonth'),
      value: format.money(revenue.thisMonth),
      detail: [
        t('analytics.dashboard.monthSoFar', { days: revenue.days }),
        changeText(format, revenue.thisMonth, revenue.lastMonth, t('analytics.dashboard.vsLastMonth')),
        changeText(format, revenue.thisMonth, revenue.sameMonthLastYear, t('analytics.dashboard.vsLastYear')),
      ],
    },
    {
      id: 'atRisk',
      label: t('analytics.dashboard.atRisk'),
      value: dashboard.atRiskCount === null ? none : format.number(dashboard.atRiskCount),
      page: 'churn',
    },
    {
      id: 'expected',
      label: t('analytics.dashboard.expectedRevenue'),
      value: dashboard.expectedRevenueCents === null ? none : format.money(dashboard.expectedRevenueCents),
      page: 'value',
    },
    {
      id: 'nps',
      label: t('analytics.dashboard.nps'),
      value: dashboard.nps === null ? t('analytics.dashboard.noAnswers') : format.number(dashboard.nps),
      detail: [t('analytics.dashboard.npsHint')],
    },
  ];
}
