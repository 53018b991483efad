import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { init, use as register } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/*
 * Only what the analytics pages draw is registered, with the canvas renderer: the full echarts
 * bundle is about three times larger. Loaded on demand by Chart.tsx, so the customer list never
 * waits for it. Canvas draws through CSSOM and the canvas API only: nothing the CSP blocks.
 */
register([
  BarChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

export { init };
