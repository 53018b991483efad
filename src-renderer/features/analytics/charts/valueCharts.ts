import type { ForecastFigures } from '../../../../src-shared/contract';
import type { ChartOption } from '../../../components/chartOption';
import type { AnalyticsFormat } from '../analyticsFormat';
import { RECENCY_STATES, type RecencyState } from '../chartFilters';
import { ACCENT, axisTooltip, baseOption, categoryAxis, QUIET, valueAxis } from './chartTheme';
import { histogramOption, moneyRange, type HistogramBin } from './histogramChart';

export type ForecastMonth = Extract<ForecastFigures, { ok: true }>['months'][number];

/** How many customers are expected to be worth each amount over the lifetime-value horizon. */
export function clvHistogramOption(bins: readonly HistogramBin[], format: AnalyticsFormat): ChartOption {
  return histogramOption(bins, format, {
    binLabel: (bin) => moneyRange(format, bin),
    color: () => ACCENT,
    axisName: format.t('analytics.value.clvAxis'),
  });
}

const STATE_COLORS: Record<RecencyState, string> = { active: '#15803d', lapsed: '#d9a21b', lost: QUIET };
/** One series per state in RECENCY_STATES' order: a click's seriesIndex names the state. */
const STATES = RECENCY_STATES.map((key) => ({ key, color: STATE_COLORS[key] }));

/** The Markov chain's projection: expected active, lapsed and lost customers, month by month, stacked. */
export function forecastOption(months: readonly ForecastMonth[], format: AnalyticsFormat): ChartOption {
  const { t } = format;
  const names = STATES.map((state) => t(`analytics.value.state.${state.key}`));
  return {
    ...baseOption(),
    legend: { data: names, top: 0, right: 0, textStyle: { fontSize: 12 } },
    tooltip: axisTooltip((index) => {
      const month = months[index];
      if (!month) return '';
      return [
        format.month(month.month),
        ...STATES.map((state, position) => `${names[position]}: ${format.number(month[state.key])}`),
      ].join('\n');
    }),
    xAxis: categoryAxis(months.map((month) => format.month(month.month))),
    yAxis: valueAxis((value) => format.number(value), t('analytics.chart.customersAxis')),
    series: STATES.map((state, position) => ({
      type: 'line' as const,
      name: names[position],
      stack: 'customers',
      areaStyle: { color: state.color, opacity: 0.35 },
      lineStyle: { color: state.color },
      itemStyle: { color: state.color },
      showSymbol: false,
      // A click on the band itself (not only on a month's dot) says which state was meant.
      triggerEvent: true,
      data: months.map((month) => Math.round(month[state.key] * 10) / 10),
    })),
  };
}
