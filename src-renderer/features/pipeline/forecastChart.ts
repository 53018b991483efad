import type { DealForecast } from '../../../src-shared/contract';
import type { ChartOption } from '../../components/chartOption';
import {
  ACCENT,
  axisTooltip,
  baseOption,
  categoryAxis,
  QUIET,
  valueAxis,
} from '../analytics/charts/chartTheme';

/** The chart's months, oldest first: the won past and the weighted future share the current month. */
export function forecastMonths(forecast: Pick<DealForecast, 'ahead' | 'past'>): string[] {
  return [...new Set([...forecast.past.map((m) => m.month), ...forecast.ahead.map((m) => m.month)])].sort();
}

interface ForecastChartFormat {
  month: (month: string) => string;
  money: (cents: number) => string;
  moneyCompact: (cents: number) => string;
  wonLabel: string;
  weightedLabel: string;
}

/**
 * Won revenue of the past months beside the weighted value expected in the coming ones, one
 * category per month. Series index 1 (weighted) is the one a click opens as a list of deals.
 */
export function forecastChartOption(forecast: DealForecast, format: ForecastChartFormat): ChartOption {
  const months = forecastMonths(forecast);
  const won = new Map(forecast.past.map((m) => [m.month, m.wonCents]));
  const weighted = new Map(forecast.ahead.map((m) => [m.month, m.weightedCents]));
  return {
    ...baseOption(),
    legend: { data: [format.wonLabel, format.weightedLabel], top: 0, right: 0, textStyle: { fontSize: 12 } },
    tooltip: axisTooltip((index) => {
      const month = months[index];
      if (!month) return '';
      const lines = [format.month(month)];
      if (won.has(month)) lines.push(`${format.wonLabel}: ${format.money(won.get(month)!)}`);
      if (weighted.has(month)) lines.push(`${format.weightedLabel}: ${format.money(weighted.get(month)!)}`);
      return lines.join('\n');
    }),
    xAxis: categoryAxis(months.map(format.month)),
    yAxis: valueAxis(format.moneyCompact),
    series: [
      {
        type: 'bar',
        name: format.wonLabel,
        data: months.map((month) => won.get(month) ?? null),
        itemStyle: { color: QUIET, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 24,
      },
      {
        type: 'bar',
        name: format.weightedLabel,
        data: months.map((month) => weighted.get(month) ?? null),
        itemStyle: { color: ACCENT, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 24,
      },
    ],
  };
}

/** The month of a clicked weighted bar, or null for a won bar (won deals are not listed by close month). */
export function clickedAheadMonth(
  forecast: Pick<DealForecast, 'ahead' | 'past'>,
  click: { seriesIndex: number; dataIndex: number },
): string | null {
  if (click.seriesIndex !== 1) return null;
  const month = forecastMonths(forecast)[click.dataIndex];
  return month && forecast.ahead.some((m) => m.month === month) ? month : null;
}
