import { useMemo } from 'react';
import { hrefFor } from '../../app/useRouteStore';
import { Chart } from '../../components/Chart';
import { useT } from '../../i18n/useI18n';
import { AnalyticsPage } from './AnalyticsPage';
import type { AnalyticsFormat } from './analyticsFormat';
import { ChartData } from './ChartData';
import { monthFilters } from './chartFilters';
import { revenueChartOption } from './charts/revenueChart';
import { dashboardKpis, type Dashboard } from './dashboardKpis';
import { useAnalyticsStore } from './useAnalyticsStore';
import { useOpenCustomerList } from './useOpenCustomerList';

const BY_REVENUE = { field: 'revenue', direction: 'desc' } as const;

function DashboardFigures({ dashboard, format }: { dashboard: Dashboard; format: AnalyticsFormat }) {
  const { t } = format;
  const openList = useOpenCustomerList();
  const option = useMemo(
    () => revenueChartOption(dashboard.revenueByMonth, format),
    [dashboard.revenueByMonth, format],
  );
  return (
    <>
      <ul className="kpi-grid" aria-label={t('analytics.dashboard.kpiLabel')}>
        {dashboardKpis(dashboard, format).map((kpi) => (
          <li key={kpi.id} className="kpi card">
            <span className="kpi-label">
              {kpi.page ? <a href={hrefFor(kpi.page)}>{kpi.label}</a> : kpi.label}
            </span>
            <span className="kpi-value">{kpi.value}</span>
            {kpi.detail?.map((line) => (
              <span key={line} className="kpi-detail muted">
                {line}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <section className="card analytics-section" aria-labelledby="dashboard-revenue">
        <h2 id="dashboard-revenue">{t('analytics.dashboard.revenueTitle')}</h2>
        <p className="muted">{t('analytics.dashboard.revenueHint')}</p>
        <Chart
          option={option}
          label={t('analytics.dashboard.revenueChartLabel')}
          onItemClick={({ dataIndex }) => {
            const month = dashboard.revenueByMonth[dataIndex];
            if (month) openList(monthFilters(month.month), BY_REVENUE);
          }}
        />
        <ChartData
          headers={[
            t('analytics.chart.month'),
            t('analytics.dashboard.revenueSeries'),
            t('analytics.dashboard.trendSeries'),
          ]}
          rows={dashboard.revenueByMonth.map((month) => [
            format.month(month.month),
            format.money(month.revenueCents),
            format.money(month.trendCents),
          ])}
        />
      </section>
    </>
  );
}

/** Home: the figures an owner looks at first, from the latest run. */
export function DashboardPage() {
  const t = useT();
  const dashboard = useAnalyticsStore((s) => s.dashboard);
  return (
    <AnalyticsPage title={t('nav.dashboard')}>
      {(_run, format) => (dashboard ? <DashboardFigures dashboard={dashboard} format={format} /> : null)}
    </AnalyticsPage>
  );
}
