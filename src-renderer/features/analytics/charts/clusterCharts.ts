import type { ClusterFigures, ClusterProfile } from '../../../../src-shared/contract';
import type { ChartOption } from '../../../components/chartOption';
import { clusterLabel, type AnalyticsFormat } from '../analyticsFormat';
import {
  ACCENT,
  baseOption,
  categoryAxis,
  clusterColor,
  itemTooltip,
  MUTED,
  plain,
  QUIET,
  valueAxis,
} from './chartTheme';

type FittedClusters = Extract<ClusterFigures, { ok: true }>;
export type ClusterPoint = FittedClusters['points'][number];
export type Dimension = 'recency' | 'frequency' | 'monetary';
export const DIMENSIONS: Dimension[] = ['recency', 'frequency', 'monetary'];

const LOG_VALUE: Record<Dimension, (point: ClusterPoint) => number> = {
  recency: (point) => point.logRecency,
  frequency: (point) => point.logFrequency,
  monetary: (point) => point.logMonetary,
};

/**
 * A position on a log1p axis back in the owner's units: days, orders, or money (the engine takes
 * log1p of the amount divided by 100, whatever the currency's minor units).
 */
export function inOriginalUnits(format: AnalyticsFormat, dimension: Dimension, logValue: number): string {
  const value = Math.expm1(logValue);
  if (dimension === 'monetary') return format.moneyCompact(value * 100);
  return format.number(value, value < 10 ? 1 : 0);
}

const SMALLEST = 5;
const LARGEST = 18;

/**
 * The clustered customers in the model's log space: two dimensions as the axes (ticks in original
 * units), the third as the dot's size, one series per cluster in `profiles` order — a click's
 * seriesIndex names the cluster.
 */
export function clusterScatterOption(
  points: readonly ClusterPoint[],
  profiles: readonly ClusterProfile[],
  axes: { x: Dimension; y: Dimension },
  format: AnalyticsFormat,
): ChartOption {
  const { t } = format;
  const sized = DIMENSIONS.find((dimension) => dimension !== axes.x && dimension !== axes.y) ?? 'frequency';
  const sizes = points.map(LOG_VALUE[sized]);
  const low = Math.min(...sizes);
  const spread = Math.max(...sizes) - low || 1;
  const names = profiles.map((profile) => plain(clusterLabel(t, profile.index, profiles)));
  const tick = (dimension: Dimension) => (value: number) => inOriginalUnits(format, dimension, value);
  return {
    ...baseOption(),
    grid: { left: 72, right: 24, top: 64, bottom: 52 },
    legend: { data: names, top: 0, left: 0, textStyle: { fontSize: 12 } },
    tooltip: itemTooltip((index, series) => {
      const profile = profiles[series];
      const point = points.filter((candidate) => candidate.cluster === profile?.index)[index];
      if (!profile || !point) return '';
      return [
        names[series],
        ...DIMENSIONS.map(
          (dimension) =>
            `${t(`analytics.dimension.${dimension}`)}: ${inOriginalUnits(format, dimension, LOG_VALUE[dimension](point))}`,
        ),
      ].join('\n');
    }),
    xAxis: {
      ...valueAxis(tick(axes.x), t(`analytics.dimension.${axes.x}`)),
      nameLocation: 'middle',
      nameGap: 30,
      scale: true,
    },
    yAxis: { ...valueAxis(tick(axes.y), t(`analytics.dimension.${axes.y}`)), scale: true },
    series: profiles.map((profile, position) => {
      const mine = points.filter((point) => point.cluster === profile.index);
      return {
        type: 'scatter' as const,
        name: names[position],
        data: mine.map((point) => [
          LOG_VALUE[axes.x](point),
          LOG_VALUE[axes.y](point),
          SMALLEST + ((LOG_VALUE[sized](point) - low) / spread) * (LARGEST - SMALLEST),
        ]),
        symbolSize: (value: number[]) => value[2] ?? SMALLEST,
        itemStyle: { color: clusterColor(position), opacity: 0.7 },
      };
    }),
  };
}

/**
 * Silhouette for each K tried, the chosen K's bar in the accent colour and marked. Each bar's
 * tooltip says what its click opens: the clustered customers in the chosen K's clusters.
 */
export function silhouetteOption(
  sweep: FittedClusters['sweep'],
  chosenK: number,
  format: AnalyticsFormat,
): ChartOption {
  const { t } = format;
  return {
    ...baseOption(),
    tooltip: itemTooltip((index) => {
      const point = sweep[index];
      if (!point) return '';
      const line = t('analytics.clusters.silhouetteAt', {
        k: point.k,
        value: format.number(point.silhouette, 3),
      });
      const opens = t('analytics.clusters.opensChosen', { k: chosenK });
      return point.k === chosenK
        ? `${line}\n${t('analytics.clusters.chosen')}\n${opens}`
        : `${line}\n${opens}`;
    }),
    xAxis: categoryAxis(
      sweep.map((point) => String(point.k)),
      t('analytics.clusters.kAxis'),
    ),
    yAxis: valueAxis((value) => format.number(value, 2), t('analytics.clusters.silhouetteAxis')),
    series: [
      {
        type: 'bar',
        data: sweep.map((point) => ({
          value: point.silhouette,
          itemStyle: { color: point.k === chosenK ? ACCENT : QUIET },
          label:
            point.k === chosenK
              ? { show: true, position: 'top', color: MUTED, formatter: t('analytics.clusters.chosen') }
              : { show: false },
        })),
        barMaxWidth: 36,
        itemStyle: { borderRadius: [3, 3, 0, 0] },
      },
    ],
  };
}
