import { useMemo } from 'react';
import { AT_RISK_THRESHOLD, type ChurnFigures } from '../../../src-shared/contract';
import { hrefFor } from '../../app/useRouteStore';
import { Chart } from '../../components/Chart';
import { useT } from '../../i18n/useI18n';
import { AnalyticsPage } from './AnalyticsPage';
import { refusalText, type AnalyticsFormat } from './analyticsFormat';
import { ChartData } from './ChartData';
import { calibrationDecileFilters, riskBinFilters } from './chartFilters';
import { calibrationOption, decileRange, riskHistogramOption } from './charts/churnCharts';
import { percentRange } from './charts/histogramChart';
import { RankedCustomersTable } from './RankedCustomersTable';
import { Refusal } from './Refusal';
import { useOpenCustomerList } from './useOpenCustomerList';
import { useRankedCustomersStore } from './useRankedCustomersStore';

type Fitted = Extract<ChurnFigures, { ok: true }>;
type Quality = Extract<Fitted['quality'], { ok: true }>;

const RISKIEST_FIRST = { field: 'churnRisk', direction: 'desc' } as const;

/** An AUC or a rate, or a dash where the window did not allow one. */
const figure = (format: AnalyticsFormat, value: number | null, as: 'auc' | 'rate') =>
  value === null
    ? format.t('table.emptyCell')
    : as === 'auc'
      ? format.number(value, 3)
      : format.percent(value, 1);

function QualityPanel({ quality, format }: { quality: Quality; format: AnalyticsFormat }) {
  const { t } = format;
  const openList = useOpenCustomerList();
  const option = useMemo(() => calibrationOption(quality.calibration, format), [quality.calibration, format]);
  const facts: [string, string, string][] = [
    [t('analytics.churn.rocAuc'), figure(format, quality.rocAuc, 'auc'), t('analytics.churn.rocAucHint')],
    [t('analytics.churn.prAuc'), figure(format, quality.prAuc, 'auc'), t('analytics.churn.prAucHint')],
    [
      t('analytics.churn.baseRate'),
      figure(format, quality.baseRate, 'rate'),
      t('analytics.churn.baseRateHint'),
    ],
    [
      t('analytics.churn.recencyAuc'),
      figure(format, quality.recencyAuc, 'auc'),
      t('analytics.churn.recencyAucHint'),
    ],
    [
      t('analytics.churn.bgnbdAuc'),
      figure(format, quality.bgnbdAuc, 'auc'),
      t('analytics.churn.bgnbdAucHint'),
    ],
    [
      t('analytics.churn.rows'),
      t('analytics.churn.rowsValue', { train: quality.trainRows, test: quality.testRows }),
      t('analytics.churn.rowsHint'),
    ],
  ];
  return (
    <>
      <dl className="stats quality-figures">
        {facts.map(([label, value, hint]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
            <dd className="muted stat-detail">{hint}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('analytics.churn.calibrationTitle')}</h3>
      <p className="muted">
        {t('analytics.churn.calibrationHint')} {t('analytics.churn.calibrationClick')}
      </p>
      <Chart
        option={option}
        label={t('analytics.churn.calibrationLabel')}
        onItemClick={({ dataIndex }) => {
          // The deciles are of the test window's customers; the list is of today's (decision 52).
          if (quality.calibration[dataIndex])
            openList(
              calibrationDecileFilters(
                quality.calibration.map((bin) => bin.predicted),
                dataIndex,
              ),
              RISKIEST_FIRST,
            );
        }}
      />
      <ChartData
        headers={[
          t('analytics.churn.decileAxis'),
          t('analytics.churn.predicted'),
          t('analytics.churn.observed'),
          t('analytics.segments.customers'),
          t('analytics.churn.rangeToday'),
        ]}
        rows={quality.calibration.map((bin, index) => [
          String(index + 1),
          format.percent(bin.predicted),
          format.percent(bin.observed),
          format.number(bin.count),
          decileRange(quality.calibration, index, format),
        ])}
      />
    </>
  );
}

function ChurnFiguresView({ churn, format }: { churn: Fitted; format: AnalyticsFormat }) {
  const { t } = format;
  const openList = useOpenCustomerList();
  const atRiskTotal = useRankedCustomersStore((s) => s.lists.atRisk?.total ?? churn.atRiskCount);
  const histogram = useMemo(() => riskHistogramOption(churn.histogram, format), [churn.histogram, format]);
  return (
    <>
      <section className="card analytics-section" aria-labelledby="churn-horizon">
        <h2 id="churn-horizon">{t('analytics.churn.horizonTitle')}</h2>
        <p>{t('analytics.churn.horizon', { days: churn.horizonDays })}</p>
        <p className="muted">
          {t('analytics.churn.suggested', { days: churn.suggestedHorizonDays })}{' '}
          <a href={hrefFor('settings')}>{t('analytics.churn.changeInSettings')}</a>
        </p>
      </section>
      <section className="card analytics-section" aria-labelledby="churn-histogram">
        <h2 id="churn-histogram">{t('analytics.churn.histogramTitle')}</h2>
        <p className="muted">
          {t('analytics.churn.atRiskSummary', {
            count: churn.atRiskCount,
            threshold: format.percent(AT_RISK_THRESHOLD),
          })}
        </p>
        <Chart
          option={histogram}
          label={t('analytics.churn.histogramLabel')}
          onItemClick={({ dataIndex }) => {
            const bin = churn.histogram[dataIndex];
            if (bin) openList(riskBinFilters(bin, dataIndex === churn.histogram.length - 1), RISKIEST_FIRST);
          }}
        />
        <ChartData
          headers={[t('analytics.churn.riskAxis'), t('analytics.segments.customers')]}
          rows={churn.histogram.map((bin) => [percentRange(format, bin), format.number(bin.count)])}
        />
      </section>
      <section className="card analytics-section" aria-labelledby="churn-list">
        <div className="section-header">
          <h2 id="churn-list">{t('analytics.churn.listTitle')}</h2>
          <button
            type="button"
            className="button button-small"
            onClick={() => openList({ churnRiskMin: AT_RISK_THRESHOLD }, RISKIEST_FIRST)}
          >
            {t('analytics.churn.openAll', { count: atRiskTotal })}
          </button>
        </div>
        <p className="muted">{t('analytics.churn.listHint')}</p>
        <RankedCustomersTable
          list="atRisk"
          columns={['risk', 'clv', 'reasons']}
          caption={t('analytics.churn.listTitle')}
          format={format}
        />
      </section>
      <section className="card analytics-section" aria-labelledby="churn-quality">
        <h2 id="churn-quality">{t('analytics.churn.qualityTitle')}</h2>
        {churn.quality.ok ? (
          <QualityPanel quality={churn.quality} format={format} />
        ) : (
          <p>{refusalText(t, 'quality', churn.quality)}</p>
        )}
      </section>
    </>
  );
}

/** Churn risk: who is likely not to order again within the horizon, why, and how far to trust it. */
export function ChurnPage() {
  const t = useT();
  return (
    <AnalyticsPage title={t('nav.churn')}>
      {(run, format) =>
        run.churn.ok ? (
          <ChurnFiguresView churn={run.churn} format={format} />
        ) : (
          <Refusal title={t('analytics.churn.refusedTitle')} model="churn" refusal={run.churn} />
        )
      }
    </AnalyticsPage>
  );
}
