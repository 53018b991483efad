import type { z } from 'zod';
import type { histogramBin } from '../../../../src-shared/contract';
import type { ChartOption } from '../../../components/chartOption';
import type { AnalyticsFormat } from '../analyticsFormat';
import { baseOption, categoryAxis, itemTooltip, valueAxis } from './chartTheme';

export type HistogramBin = z.infer<typeof histogramBin>;

interface HistogramLook {
  /** A bin's range in words ("40–50%", "¥500–¥1,000"): the axis label and the tooltip's first line. */
  binLabel: (bin: HistogramBin) => string;
  color: (bin: HistogramBin) => string;
  axisName: string;
}

/** Customers per bin as bars: the churn risk and lifetime value distributions. */
export function histogramOption(
  bins: readonly HistogramBin[],
  format: AnalyticsFormat,
  look: HistogramLook,
): ChartOption {
  const { t } = format;
  return {
    ...baseOption(),
    tooltip: itemTooltip((index) => {
      const bin = bins[index];
      return bin ? `${look.binLabel(bin)}\n${t('analytics.chart.customers', { count: bin.count })}` : '';
    }),
    xAxis: categoryAxis(bins.map(look.binLabel), look.axisName),
    yAxis: valueAxis((value) => format.number(value), t('analytics.chart.customersAxis')),
    series: [
      {
        type: 'bar',
        data: bins.map((bin) => ({ value: bin.count, itemStyle: { color: look.color(bin) } })),
        barCategoryGap: '12%',
        itemStyle: { borderRadius: [3, 3, 0, 0] },
      },
    ],
  };
}

/** A range as both languages write one: an en dash between the ends, no spaces. */
const range = (from: string, to: string) => `${from}–${to}`;

/** "40–50%": a bin of probabilities, with the float noise of its edges (0.30000000000000004) rounded away. */
export const percentRange = (format: AnalyticsFormat, bin: HistogramBin) =>
  range(
    format.number(Math.round(bin.from * 1000) / 10, 1),
    format.percent(Math.round(bin.to * 1000) / 1000, 1),
  );

/** "¥500–¥1K": a bin of amounts in minor units. */
export const moneyRange = (format: AnalyticsFormat, bin: HistogramBin) =>
  range(format.moneyCompact(bin.from), format.moneyCompact(bin.to));
