import type { TooltipComponentOption, XAXisComponentOption } from 'echarts';
import type { SegmentKey } from '../../../../src-shared/contract';
import type { ChartOption } from '../../../components/chartOption';

/**
 * What every analytics chart shares: the app's font and greys (base.css's tokens, repeated because
 * canvas text cannot read CSS variables), the colours of segments and clusters, text-only tooltips.
 */

export const INK = '#1d2430';
export const MUTED = '#667085';
export const GRID_LINE = '#e2e5ea';
export const ACCENT = '#2f6fde';
export const DANGER = '#c2362b';
export const QUIET = '#98a2b3';
const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** Best to worst, warm colours for the segments that need the owner now. */
export const SEGMENT_COLORS: Record<SegmentKey, string> = {
  champions: '#15803d',
  loyal: '#22a05b',
  potential_loyalists: '#5cb88a',
  new: '#2f6fde',
  promising: '#7aa7ec',
  need_attention: '#d9a21b',
  about_to_sleep: '#e0873a',
  at_risk: '#d9582b',
  cant_lose: '#b42318',
  hibernating: '#8a94a6',
  lost: '#b8bfcc',
};

/** Up to 8 clusters (K = 2..8), told apart by hue. */
export const CLUSTER_COLORS = [
  '#2f6fde',
  '#d9582b',
  '#15803d',
  '#8e44ad',
  '#d9a21b',
  '#0891b2',
  '#db2777',
  '#667085',
];

export const clusterColor = (position: number) => CLUSTER_COLORS[position % CLUSTER_COLORS.length]!;

/** Shared top-level settings; `grid` leaves room for axis names. */
export function baseOption(): ChartOption {
  return {
    textStyle: { fontFamily: FONT, color: INK },
    animationDuration: 300,
    grid: { left: 64, right: 24, top: 32, bottom: 48, containLabel: false },
  };
}

interface Pointed {
  dataIndex: number;
  seriesIndex?: number;
}

/**
 * A tooltip drawn on the canvas as plain text (`renderMode: 'richText'`): echarts' HTML tooltips
 * would parse what they show as HTML, and their colour markers are inline styles the CSP refuses.
 */
function textTooltip(trigger: 'item' | 'axis', text: (point: Pointed) => string): TooltipComponentOption {
  return {
    trigger,
    renderMode: 'richText',
    confine: true,
    backgroundColor: '#ffffff',
    borderColor: GRID_LINE,
    textStyle: { color: INK, fontFamily: FONT, fontSize: 12 },
    formatter: (params) => {
      const first = (Array.isArray(params) ? params[0] : params) as Pointed | undefined;
      return first ? text(first) : '';
    },
  };
}

/** A tooltip per bar, cell or point. */
export const itemTooltip = (text: (dataIndex: number, seriesIndex: number) => string) =>
  textTooltip('item', (point) => text(point.dataIndex, point.seriesIndex ?? 0));

/** A tooltip per x position, for charts with several lines over the same months. */
export const axisTooltip = (text: (dataIndex: number) => string) =>
  textTooltip('axis', (point) => text(point.dataIndex));

/** Echarts' rich-text tooltips read `{style|text}` as markup: braces in a label are shown as they are. */
export const plain = (text: string) => text.replace(/[{}]/g, (brace) => (brace === '{' ? '｛' : '｝'));

const axisText = { color: MUTED, fontSize: 11 };

export function categoryAxis(labels: string[], name?: string): XAXisComponentOption {
  return {
    type: 'category',
    data: labels,
    name,
    nameLocation: 'middle',
    nameGap: 30,
    nameTextStyle: axisText,
    axisLabel: { ...axisText, hideOverlap: true },
    axisLine: { lineStyle: { color: GRID_LINE } },
    axisTick: { show: false },
  };
}

export function valueAxis(
  format: (value: number) => string,
  name?: string,
  range: { min?: number; max?: number } = {},
) {
  // Not annotated: the same object serves as an x axis (the scatter chart) or a y axis.
  return {
    type: 'value' as const,
    name,
    nameTextStyle: { ...axisText, align: 'left' as const },
    ...range,
    axisLabel: { ...axisText, formatter: (value: number) => format(value) },
    splitLine: { lineStyle: { color: GRID_LINE } },
  };
}
