import { AT_RISK_THRESHOLD, type ChurnFigures } from '../../../../src-shared/contract';
import type { ChartOption } from '../../../components/chartOption';
import type { AnalyticsFormat } from '../analyticsFormat';
import { calibrationDecileFilters } from '../chartFilters';
import { ACCENT, axisTooltip, baseOption, categoryAxis, DANGER, QUIET, valueAxis } from './chartTheme';
import { histogramOption, percentRange, type HistogramBin } from './histogramChart';

type FittedChurn = Extract<ChurnFigures, { ok: true }>;
export type CalibrationBin = Extract<FittedChurn['quality'], { ok: true }>['calibration'][number];

/** How many customers have each level of churn risk; the at-risk bins are red. */
export function riskHistogramOption(bins: readonly HistogramBin[], format: AnalyticsFormat): ChartOption {
  return histogramOption(bins, format, {
    binLabel: (bin) => percentRange(format, bin),
    color: (bin) => (bin.from >= AT_RISK_THRESHOLD - 1e-9 ? DANGER : QUIET),
    axisName: format.t('analytics.churn.riskAxis'),
  });
}

/** "18.5–27.3%": the range of today's risk a decile's click opens (chartFilters.ts). */
export function decileRange(bins: readonly CalibrationBin[], index: number, format: AnalyticsFormat): string {
  const filters = calibrationDecileFilters(
    bins.map((bin) => bin.predicted),
    index,
  );
  return percentRange(format, { from: filters.churnRiskMin ?? 0, to: filters.churnRiskMax ?? 1, count: 0 });
}

/**
 * Calibration by decile: the mean predicted P(churn) beside the share that really churned, on the
 * held-out window. Lines that lie together mean a risk of 70% really is about 7 in 10. A click
 * anywhere over a decile opens today's customers in its range of risk.
 */
export function calibrationOption(bins: readonly CalibrationBin[], format: AnalyticsFormat): ChartOption {
  const { t } = format;
  const predicted = t('analytics.churn.predicted');
  const observed = t('analytics.churn.observed');
  return {
    ...baseOption(),
    legend: { data: [predicted, observed], top: 0, right: 0, textStyle: { fontSize: 12 } },
    tooltip: axisTooltip((index) => {
      const bin = bins[index];
      if (!bin) return '';
      return [
        t('analytics.churn.decile', { decile: index + 1 }),
        `${predicted}: ${format.percent(bin.predicted)}`,
        `${observed}: ${format.percent(bin.observed)}`,
        t('analytics.chart.customers', { count: bin.count }),
        t('analytics.churn.decileOpens', { range: decileRange(bins, index, format) }),
      ].join('\n');
    }),
    xAxis: categoryAxis(
      bins.map((_, index) => String(index + 1)),
      t('analytics.churn.decileAxis'),
    ),
    yAxis: valueAxis((value) => format.percent(value), undefined, { min: 0, max: 1 }),
    series: [
      {
        type: 'line',
        name: predicted,
        data: bins.map((bin) => bin.predicted),
        lineStyle: { color: ACCENT },
        itemStyle: { color: ACCENT },
      },
      {
        type: 'line',
        name: observed,
        data: bins.map((bin) => bin.observed),
        lineStyle: { color: DANGER, type: 'dashed' },
        itemStyle: { color: DANGER },
      },
      {
        // The click target: an invisible bar the full height of each decile, as the lines' dots
        // are too small to hit. Last, so the tooltip still reads the two lines first; not in the legend.
        type: 'bar',
        data: bins.map(() => 1),
        barCategoryGap: '0%',
        itemStyle: { color: 'transparent' },
        emphasis: { disabled: true },
      },
    ],
  };
}
