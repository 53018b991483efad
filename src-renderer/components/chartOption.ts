import type {
  BarSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/**
 * The option shape of the charts echartsCore.ts registers, and nothing more: a builder that reaches
 * for an unregistered series type fails to compile instead of drawing nothing. Types only, so the
 * pure option builders (and their unit tests) never load echarts itself.
 */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | VisualMapComponentOption
  | MarkLineComponentOption
>;

/** What a click on a chart item tells the page: which series and which data point. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}
