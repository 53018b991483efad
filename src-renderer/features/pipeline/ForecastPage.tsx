import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DealForecast, DealStage } from '../../../src-shared/contract';
import { useRouteStore } from '../../app/useRouteStore';
import { Chart } from '../../components/Chart';
import { PageHeader } from '../../components/PageHeader';
import { PageStatus } from '../../components/PageStatus';
import { useAppStores } from '../../app/storesContext';
import { useT } from '../../i18n/useI18n';
import type { AnalyticsFormat } from '../analytics/analyticsFormat';
import { useAnalyticsFormat } from '../analytics/AnalyticsPage';
import { ChartData } from '../analytics/ChartData';
import { clickedAheadMonth, forecastChartOption, forecastMonths } from './forecastChart';
import { ForecastTables } from './ForecastTables';
import { ModelStatusPanel } from './ModelStatusPanel';
import { DealLink } from './DealLink';
import { DEFAULT_LIST_FILTERS } from './dealListInput';
import { useDealStagesStore } from './useDealStagesStore';
import { useForecastStore } from './useForecastStore';

/** The months chart: won behind, weighted ahead; a weighted bar opens that month's open deals. */
function ForecastChart({ forecast, format }: { forecast: DealForecast; format: AnalyticsFormat }) {
  const { t } = format;
  const dealList = useAppStores().dealList;
  const navigate = useRouteStore((s) => s.navigate);
  const labels = {
    wonLabel: t('pipeline.forecast.wonSeries'),
    weightedLabel: t('pipeline.forecast.weightedSeries'),
  };
  const option = useMemo(
    () =>
      forecastChartOption(forecast, {
        wonLabel: format.t('pipeline.forecast.wonSeries'),
        weightedLabel: format.t('pipeline.forecast.weightedSeries'),
        month: format.month,
        money: format.money,
        moneyCompact: format.moneyCompact,
      }),
    [forecast, format],
  );
  const won = new Map(forecast.past.map((m) => [m.month, m.wonCents]));
  const weighted = new Map(forecast.ahead.map((m) => [m.month, m.weightedCents]));
  const cell = (value: number | undefined) =>
    value === undefined ? t('table.emptyCell') : format.money(value);
  return (
    <section className="card analytics-section" aria-labelledby="forecast-months">
      <h2 id="forecast-months">{t('pipeline.forecast.monthsTitle')}</h2>
      <p className="muted">{t('pipeline.forecast.monthsHint')}</p>
      <Chart
        option={option}
        label={t('pipeline.forecast.chartLabel')}
        onItemClick={(click) => {
          const month = clickedAheadMonth(forecast, click);
          if (!month) return;
          dealList.getState().setFilters({ ...DEFAULT_LIST_FILTERS, closeMonth: month });
          navigate('deals');
        }}
      />
      <ChartData
        headers={[t('analytics.chart.month'), labels.wonLabel, labels.weightedLabel]}
        rows={forecastMonths(forecast).map((month) => [
          format.month(month),
          cell(won.get(month)),
          cell(weighted.get(month)),
        ])}
      />
    </section>
  );
}

/** Deals outside any month, the average cycle, and deals in other currencies left out of the sums. */
function ForecastFigures({ forecast, format }: { forecast: DealForecast; format: AnalyticsFormat }) {
  const { t } = format;
  const figures = [
    {
      label: t('pipeline.forecast.undated'),
      value: format.money(forecast.undated.weightedCents),
      detail: t('pipeline.forecast.dealCount', { count: forecast.undated.count }),
    },
    {
      label: t('pipeline.forecast.overdue'),
      value: format.money(forecast.overdue.weightedCents),
      detail: t('pipeline.forecast.dealCount', { count: forecast.overdue.count }),
    },
    {
      label: t('pipeline.forecast.cycle'),
      value:
        forecast.averageCycleDays === null
          ? t('table.emptyCell')
          : t('pipeline.list.days', { days: Math.round(forecast.averageCycleDays) }),
      detail: t('pipeline.forecast.cycleHint'),
    },
  ];
  return (
    <>
      <ul className="kpi-grid" aria-label={t('pipeline.forecast.figuresLabel')}>
        {figures.map((figure) => (
          <li key={figure.label} className="kpi card">
            <span className="kpi-label">{figure.label}</span>
            <span className="kpi-value">{figure.value}</span>
            <span className="kpi-detail muted">{figure.detail}</span>
          </li>
        ))}
      </ul>
      {forecast.otherCurrencyDeals > 0 ? (
        <p className="muted">
          {t('pipeline.forecast.otherCurrency', {
            count: forecast.otherCurrencyDeals,
            currency: forecast.currency,
          })}
        </p>
      ) : null}
    </>
  );
}

/** Deals nobody touched for the stale days; a click opens the deal. */
function StaleDeals({ forecast, format }: { forecast: DealForecast; format: AnalyticsFormat }) {
  const { t } = format;
  return (
    <section className="card analytics-section" aria-labelledby="forecast-stale">
      <h2 id="forecast-stale">{t('pipeline.forecast.staleTitle', { days: forecast.staleDays })}</h2>
      {forecast.stale.length === 0 ? (
        <p className="muted">{t('pipeline.forecast.staleNone')}</p>
      ) : (
        <ul className="stale-list">
          {forecast.stale.map((deal) => (
            <DealLink
              key={deal.id}
              deal={deal}
              facts={[
                deal.customerCompany ?? deal.customerName,
                format.money(deal.valueCents),
                t('pipeline.forecast.lastActivity', { date: format.day(deal.lastActivityAt.slice(0, 10)) }),
              ].join(' · ')}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ForecastBody({ forecast, stages }: { forecast: DealForecast; stages: readonly DealStage[] }) {
  const format = useAnalyticsFormat(forecast.currency);
  return (
    <div className="analytics-page">
      <ForecastChart forecast={forecast} format={format} />
      <ForecastFigures forecast={forecast} format={format} />
      <ModelStatusPanel model={forecast.model} format={format} />
      <ForecastTables forecast={forecast} stages={stages} format={format} />
      <StaleDeals forecast={forecast} format={format} />
    </div>
  );
}

/** Forecast (`#/forecast`): what the coming months should bring, and how deals have gone so far. */
export function ForecastPage() {
  const { forecast, loading, error, load } = useForecastStore(
    useShallow((s) => ({ forecast: s.forecast, loading: s.loading, error: s.error, load: s.load })),
  );
  const { stages, ensureStages } = useDealStagesStore(
    useShallow((s) => ({ stages: s.stages, ensureStages: s.ensureLoaded })),
  );
  const t = useT();
  useEffect(() => {
    void ensureStages();
    void load();
  }, [ensureStages, load]);
  return (
    <>
      <PageHeader title={t('nav.forecast')} />
      {forecast ? (
        <ForecastBody forecast={forecast} stages={stages} />
      ) : (
        <PageStatus loading={loading} error={error} onRetry={() => void load()} />
      )}
    </>
  );
}
