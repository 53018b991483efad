import { SEGMENT_KEYS, type SegmentFigures } from '../../../../src-shared/contract';
import type { ChartOption } from '../../../components/chartOption';
import { segmentName, type AnalyticsFormat } from '../analyticsFormat';
import type { GridCell } from '../segmentGrid';
import { baseOption, categoryAxis, itemTooltip, MUTED, plain, SEGMENT_COLORS } from './chartTheme';

const SCORES = ['1', '2', '3', '4', '5'];

/**
 * The R×F grid as a heatmap: F score across, R score up (5 = most recent at the top), each cell in
 * its segment's colour with the segment's name and its customers. `cells` come from gridCells(),
 * so a click's dataIndex names the cell (and so the segment) clicked.
 */
export function segmentGridOption(
  cells: readonly GridCell[],
  segments: readonly SegmentFigures[],
  format: AnalyticsFormat,
): ChartOption {
  const { t } = format;
  const figures = new Map(segments.map((segment) => [segment.key, segment]));
  const labels = cells.map((cell) => `${plain(segmentName(t, cell.segment))}\n${format.number(cell.count)}`);
  return {
    ...baseOption(),
    grid: { left: 56, right: 16, top: 16, bottom: 48 },
    tooltip: itemTooltip((index) => {
      const cell = cells[index];
      if (!cell) return '';
      const segment = figures.get(cell.segment);
      return [
        `${plain(segmentName(t, cell.segment))} · R ${cell.r} · F ${cell.f}`,
        t('analytics.chart.customers', { count: cell.count }),
        segment
          ? t('analytics.segments.revenueShareOfSegment', { share: format.percent(segment.revenueShare) })
          : '',
      ]
        .filter(Boolean)
        .join('\n');
    }),
    xAxis: { ...categoryAxis(SCORES, t('analytics.segments.axisF')), splitArea: { show: false } },
    yAxis: {
      type: 'category',
      data: SCORES,
      name: t('analytics.segments.axisR'),
      nameLocation: 'middle',
      nameGap: 32,
      nameTextStyle: { color: MUTED, fontSize: 11 },
      axisLabel: { color: MUTED, fontSize: 11 },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    visualMap: {
      type: 'piecewise',
      show: false,
      // The data's fourth value is the segment's position in SEGMENT_KEYS: one colour per segment.
      dimension: 3,
      pieces: SEGMENT_KEYS.map((key, position) => ({ value: position, color: SEGMENT_COLORS[key] })),
    },
    series: [
      {
        type: 'heatmap',
        data: cells.map((cell) => [cell.f - 1, cell.r - 1, cell.count, SEGMENT_KEYS.indexOf(cell.segment)]),
        label: {
          show: true,
          color: '#ffffff',
          fontSize: 11,
          lineHeight: 15,
          formatter: (params: { dataIndex: number }) => labels[params.dataIndex] ?? '',
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        emphasis: { itemStyle: { borderColor: '#1d2430', borderWidth: 2 } },
      },
    ],
  };
}
