import type { ChannelOutput } from '../../../../src-shared/contract';
import type { ChartOption } from '../../../components/chartOption';
import type { AnalyticsFormat } from '../analyticsFormat';
import { ACCENT, axisTooltip, baseOption, categoryAxis, DANGER, valueAxis } from './chartTheme';

export type RevenueMonth = ChannelOutput<'analytics.dashboard'>['revenueByMonth'][number];

/** Revenue per month as bars, with the least-squares trend over them as a dashed line. */
export function revenueChartOption(months: readonly RevenueMonth[], format: AnalyticsFormat): ChartOption {
  const { t } = format;
  const revenue = t('analytics.dashboard.revenueSeries');
  const trend = t('analytics.dashboard.trendSeries');
  return {
    ...baseOption(),
    legend: { data: [revenue, trend], top: 0, right: 0, textStyle: { fontSize: 12 } },
    tooltip: axisTooltip((index) => {
      const month = months[index];
      if (!month) return '';
      return [
        format.month(month.month),
        `${revenue}: ${format.money(month.revenueCents)}`,
        `${trend}: ${format.money(month.trendCents)}`,
      ].join('\n');
    }),
    xAxis: categoryAxis(months.map((month) => format.month(month.month))),
    yAxis: valueAxis(format.moneyCompact),
    series: [
      {
        type: 'bar',
        name: revenue,
        data: months.map((month) => month.revenueCents),
        itemStyle: { color: ACCENT, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 28,
      },
      {
        type: 'line',
        name: trend,
        data: months.map((month) => Math.round(month.trendCents)),
        showSymbol: false,
        lineStyle: { color: DANGER, type: 'dashed', width: 2 },
        itemStyle: { color: DANGER },
      },
    ],
  };
}
