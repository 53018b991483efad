import { useMemo } from 'react';
import type { AnalyticsRun, LifetimeFigures } from '../../../src-shared/contract';
import { Chart } from '../../components/Chart';
import { useT } from '../../i18n/useI18n';
import { AnalyticsPage } from './AnalyticsPage';
import { refusalText, type AnalyticsFormat } from './analyticsFormat';
import { ChartData } from './ChartData';
import { RECENCY_STATES, recencyStateFilters } from './chartFilters';
import { moneyRange } from './charts/histogramChart';
import { clvHistogramOption, forecastOption, type ForecastMonth } from './charts/valueCharts';
import { RankedCustomersTable } from './RankedCustomersTable';
import { useOpenCustomerList } from './useOpenCustomerList';

const MOST_VALUABLE_FIRST = { field: 'clv', direction: 'desc' } as const;
const MOST_RECENT_FIRST = { field: 'lastOrderAt', direction: 'desc' } as const;

/** Which method gave the values, and why: the models, or the simple formula because they could not be fitted. */
function MethodPanel({ lifetime, format }: { lifetime: LifetimeFigures; format: AnalyticsFormat }) {
  const { t } = format;
  const parameters: [string, number][] = [
    ...(lifetime.bgnbd
      ? ([
          ['r', lifetime.bgnbd.r],
          ['α', lifetime.bgnbd.alpha],
          ['a', lifetime.bgnbd.a],
          ['b', lifetime.bgnbd.b],
        ] as [string, number][])
      : []),
    ...(lifetime.gammaGamma
      ? ([
          ['p', lifetime.gammaGamma.p],
          ['q', lifetime.gammaGamma.q],
          ['γ', lifetime.gammaGamma.gamma],
        ] as [string, number][])
      : []),
  ];
  return (
    <section className="card analytics-section" aria-labelledby="value-method">
      <h2 id="value-method">{t('analytics.value.methodTitle')}</h2>
      <p>
        <strong>{t(`analytics.value.method.${lifetime.method}`)}</strong>{' '}
        {lifetime.method === 'models'
          ? t('analytics.value.methodModels')
          : [
              t('analytics.value.methodSimple'),
              lifetime.refusal && refusalText(t, 'lifetime', lifetime.refusal),
            ]
              .filter(Boolean)
              .join(' ')}
      </p>
      <p className="muted">
        {t('analytics.value.assumptions', {
          months: lifetime.months,
          margin: format.percent(lifetime.marginPercent / 100),
          discount: format.percent(lifetime.monthlyDiscountPercent / 100, 1),
        })}
      </p>
      {parameters.length > 0 ? (
        <details className="chart-data">
          <summary>{t('analytics.value.parameters')}</summary>
          <dl className="parameter-list">
            {parameters.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{format.number(value, 4)}</dd>
              </div>
            ))}
            {lifetime.bgnbd ? (
              <div>
                <dt>{t('analytics.value.bgnbdLogLikelihood')}</dt>
                <dd>{format.number(lifetime.bgnbd.logLikelihood, 2)}</dd>
              </div>
            ) : null}
            {lifetime.gammaGamma ? (
              <div>
                <dt>{t('analytics.value.ggLogLikelihood')}</dt>
                <dd>{format.number(lifetime.gammaGamma.logLikelihood, 2)}</dd>
              </div>
            ) : null}
          </dl>
        </details>
      ) : null}
    </section>
  );
}

function Forecast({
  months,
  lostAfter,
  asOf,
  format,
}: {
  months: ForecastMonth[];
  lostAfter: number;
  /** The run's as-of day: the states' bands are counted back from it. */
  asOf: string;
  format: AnalyticsFormat;
}) {
  const { t } = format;
  const openList = useOpenCustomerList();
  const option = useMemo(() => forecastOption(months, format), [months, format]);
  return (
    <>
      <p className="muted">
        {t('analytics.value.forecastHint', { months: lostAfter })} {t('analytics.value.forecastClick')}
      </p>
      <Chart
        option={option}
        label={t('analytics.value.forecastLabel')}
        onItemClick={({ seriesIndex }) => {
          // Any month of a band: a projected count is not people, today's state is (decision 53).
          const state = RECENCY_STATES[seriesIndex];
          if (state) openList(recencyStateFilters(state, asOf, lostAfter), MOST_RECENT_FIRST);
        }}
      />
      <ChartData
        headers={[
          t('analytics.chart.month'),
          ...RECENCY_STATES.map((state) => t(`analytics.value.state.${state}`)),
        ]}
        rows={months.map((month) => [
          format.month(month.month),
          ...RECENCY_STATES.map((state) => format.number(month[state])),
        ])}
      />
    </>
  );
}

function ValueFigures({ run, format }: { run: AnalyticsRun; format: AnalyticsFormat }) {
  const { t } = format;
  const { lifetime, forecast } = run;
  const openList = useOpenCustomerList();
  const histogram = useMemo(
    () => clvHistogramOption(lifetime.histogram, format),
    [lifetime.histogram, format],
  );
  return (
    <>
      <MethodPanel lifetime={lifetime} format={format} />
      <section className="card analytics-section" aria-labelledby="value-histogram">
        <h2 id="value-histogram">{t('analytics.value.histogramTitle')}</h2>
        <p className="muted">
          {t('analytics.value.expected', {
            amount: format.money(lifetime.expectedRevenueCents),
            months: lifetime.months,
          })}
        </p>
        <Chart
          option={histogram}
          label={t('analytics.value.histogramLabel')}
          onItemClick={({ dataIndex }) => {
            const bin = lifetime.histogram[dataIndex];
            if (bin) openList({ clvMinCents: Math.floor(bin.from) }, MOST_VALUABLE_FIRST);
          }}
        />
        <ChartData
          headers={[t('analytics.value.clvAxis'), t('analytics.segments.customers')]}
          rows={lifetime.histogram.map((bin) => [moneyRange(format, bin), format.number(bin.count)])}
        />
      </section>
      <section className="card analytics-section" aria-labelledby="value-leaderboard">
        <h2 id="value-leaderboard">{t('analytics.value.leaderboardTitle')}</h2>
        <RankedCustomersTable
          list="topValue"
          columns={
            lifetime.method === 'models'
              ? ['clv', 'pAlive', 'expectedOrders', 'spend', 'segment']
              : ['clv', 'spend', 'segment']
          }
          caption={t('analytics.value.leaderboardTitle')}
          format={format}
        />
      </section>
      <section className="card analytics-section" aria-labelledby="value-forecast">
        <h2 id="value-forecast">{t('analytics.value.forecastTitle')}</h2>
        {forecast.ok ? (
          <Forecast
            months={forecast.months}
            lostAfter={forecast.lostAfterMonths}
            asOf={run.asOf}
            format={format}
          />
        ) : (
          <p>{refusalText(t, 'forecast', forecast)}</p>
        )}
      </section>
    </>
  );
}

/** Lifetime value: what each customer is expected to bring, and how the customer base will move. */
export function ValuePage() {
  const t = useT();
  return (
    <AnalyticsPage title={t('nav.value')}>
      {(run, format) => <ValueFigures run={run} format={format} />}
    </AnalyticsPage>
  );
}
