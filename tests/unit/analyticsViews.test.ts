import { describe, expect, it } from 'vitest';
import type { ClusterProfile, SegmentFigures } from '../../src-shared/contract';
import { columnsExplaining } from '../../src-renderer/features/customers/analyticsColumnIds';
import { draftFromFilters, filtersFromDraft } from '../../src-renderer/features/customers/filterDraft';
import {
  analyticsFormat,
  asOfText,
  churnReasonText,
  clusterLabel,
  refusalText,
} from '../../src-renderer/features/analytics/analyticsFormat';
import { DANGER, QUIET, SEGMENT_COLORS } from '../../src-renderer/features/analytics/charts/chartTheme';
import { riskHistogramOption } from '../../src-renderer/features/analytics/charts/churnCharts';
import {
  clusterScatterOption,
  inOriginalUnits,
  silhouetteOption,
} from '../../src-renderer/features/analytics/charts/clusterCharts';
import { percentRange } from '../../src-renderer/features/analytics/charts/histogramChart';
import { revenueChartOption } from '../../src-renderer/features/analytics/charts/revenueChart';
import { segmentGridOption } from '../../src-renderer/features/analytics/charts/segmentGridChart';
import { forecastOption } from '../../src-renderer/features/analytics/charts/valueCharts';
import {
  changeText,
  dashboardKpis,
  type Dashboard,
} from '../../src-renderer/features/analytics/dashboardKpis';
import { gridCells, segmentOfCell } from '../../src-renderer/features/analytics/segmentGrid';
import { useI18n, type Translate } from '../../src-renderer/i18n/useI18n';

function translator(locale: 'en' | 'zh-CN'): Translate {
  useI18n.getState().setLocale(locale);
  return useI18n.getState().t;
}
const en = analyticsFormat(translator('en'), 'en', 'CNY');
const zh = analyticsFormat(translator('zh-CN'), 'zh-CN', 'CNY');
const gbp = analyticsFormat(translator('en'), 'en-GB', 'GBP');

/** What echarts would show: call a formatter the option carries, as echarts calls it. */
type Formatter = (params: { dataIndex: number; seriesIndex?: number }) => string;
const tooltipText = (option: { tooltip?: unknown }, dataIndex: number, seriesIndex = 0) =>
  (option.tooltip as { formatter: Formatter }).formatter({ dataIndex, seriesIndex });

const segment = (key: SegmentFigures['key'], revenueShare: number): SegmentFigures => ({
  key,
  action: 'win_back_personal',
  count: 10,
  share: 0.1,
  revenueCents: 1000,
  revenueShare,
  medianRecencyDays: 100,
  medianFrequency: 3,
  medianMonetaryCents: 5000,
});

describe('the R×F grid on the Segments page', () => {
  it('names the cells as grid (A) of the reference does, and nothing off the grid', () => {
    expect(segmentOfCell(5, 5)).toBe('champions');
    expect(segmentOfCell(5, 1)).toBe('new');
    expect(segmentOfCell(4, 1)).toBe('promising');
    expect(segmentOfCell(3, 3)).toBe('need_attention');
    expect(segmentOfCell(2, 1)).toBe('hibernating');
    expect(segmentOfCell(1, 1)).toBe('lost');
    expect(segmentOfCell(1, 5)).toBe('cant_lose');
    expect(segmentOfCell(0, 3)).toBeNull();
    expect(segmentOfCell(3, 6)).toBeNull();
  });

  it('draws every cell, a missing one as 0, each in its segment’s colour with its name and count', () => {
    const cells = gridCells([
      { r: 2, f: 3, count: 42 },
      { r: 5, f: 5, count: 7 },
    ]);
    expect(cells).toHaveLength(25);
    const option = segmentGridOption(cells, [segment('at_risk', 0.125)], en);
    const series = (option.series as { data: number[][]; label: { formatter: Formatter } }[])[0]!;
    const atRisk = cells.findIndex((cell) => cell.r === 2 && cell.f === 3);
    expect(series.label.formatter({ dataIndex: atRisk })).toBe('At Risk\n42');
    expect(series.label.formatter({ dataIndex: cells.findIndex((cell) => cell.r === 1) })).toBe('Lost\n0');
    expect(tooltipText(option, atRisk)).toContain('The segment brings 13% of revenue');
    // The piece a cell falls in (by its 4th value) carries its segment's colour.
    const pieces = (option.visualMap as { pieces: { value: number; color: string }[] }).pieces;
    const [, , , piece] = series.data[atRisk]!;
    expect(pieces.find((candidate) => candidate.value === piece)?.color).toBe(SEGMENT_COLORS.at_risk);
  });

  it('speaks Chinese in Chinese', () => {
    const cells = gridCells([{ r: 2, f: 3, count: 5 }]);
    const series = (segmentGridOption(cells, [], zh).series as { label: { formatter: Formatter } }[])[0]!;
    expect(series.label.formatter({ dataIndex: cells.findIndex((c) => c.r === 2 && c.f === 3) })).toBe(
      '有流失风险\n5',
    );
  });
});

describe('figures in words', () => {
  it('writes minor units as money in the run’s currency and the reader’s style', () => {
    expect(gbp.money(123_456)).toBe('£1,234.56');
    expect(en.money(99_950)).toBe('CN¥999.50');
    expect(zh.money(99_950)).toBe('¥999.50');
    expect(analyticsFormat(translator('en'), 'en', 'JPY').money(1200)).toBe('¥1,200');
  });

  it('writes calendar months and days as they were stored, in any time zone', () => {
    expect(en.month('2026-01')).toBe('Jan 2026');
    expect(zh.month('2026-01')).toBe('2026年1月');
    expect(asOfText(en, { asOf: '2011-12-10', asOfSource: 'last_order' })).toBe(
      'As of Dec 10, 2011, the day after your latest order',
    );
    expect(asOfText(zh, { asOf: '2026-12-03', asOfSource: 'today' })).toBe('截至 2026年12月3日（今天）');
  });

  it('says why a model refused, with the number it needs, instead of a blank chart', () => {
    expect(refusalText(en.t, 'clusters', { ok: false, reason: 'too_few_customers', needed: 20 })).toBe(
      'Need at least 20 customers with orders to find clusters.',
    );
    expect(refusalText(zh.t, 'churn', { ok: false, reason: 'history_too_short', needed: 180 })).toBe(
      '至少需要 180 天的订单历史（两个周期）才能估计流失风险。',
    );
    expect(refusalText(en.t, 'lifetime', { ok: false, reason: 'something_new', needed: null })).toBe(
      'This could not be computed from the data there is.',
    );
  });

  it('turns a churn reason into the fact about the customer and which way it moves the risk', () => {
    expect(churnReasonText(en.t, { feature: 'recency', contribution: 0.8, above: true })).toBe(
      'Long since the last order: raises the risk',
    );
    // Few orders with a negative weight on orders: pushes toward churn.
    expect(churnReasonText(en.t, { feature: 'frequency', contribution: 0.4, above: false })).toBe(
      'Few orders: raises the risk',
    );
    expect(churnReasonText(en.t, { feature: 'monetary', contribution: -0.3, above: true })).toBe(
      'Spends a lot: lowers the risk',
    );
    expect(churnReasonText(zh.t, { feature: 'recency', contribution: -0.5, above: false })).toBe(
      '最近下过单，风险降低',
    );
    expect(churnReasonText(en.t, { feature: 'intercept', contribution: 1, above: true })).toBeNull();
  });

  it('numbers clusters only when two share a name', () => {
    const profiles = [
      { index: 0, nameKey: 'high_value_recent' },
      { index: 1, nameKey: 'lapsed_low_value' },
      { index: 2, nameKey: 'lapsed_low_value' },
    ];
    expect(clusterLabel(en.t, 0, profiles)).toBe('High value, recent');
    expect(clusterLabel(en.t, 2, profiles)).toBe('Lapsed, low value · 3');
    expect(clusterLabel(zh.t, 1, profiles)).toBe('已沉寂、价值低（2）');
  });
});

describe('the dashboard', () => {
  it('compares this month with earlier ones, and says when there is nothing to compare with', () => {
    expect(changeText(en, 12_500, 10_000, 'vs last month')).toBe('+25% vs last month');
    expect(changeText(en, 5_000, 10_000, 'vs last month')).toBe('-50% vs last month');
    expect(changeText(en, 5_000, 0, 'vs the same month last year')).toBe(
      'Nothing vs the same month last year to compare with',
    );
  });

  it('shows a dash for a figure the run could not give, and links the at-risk count to the Churn page', () => {
    const dashboard: Dashboard = {
      currency: 'CNY',
      customers: 300,
      activeCustomers: 94,
      activeDays: 90,
      revenue: { days: 3, thisMonth: 349_600, lastMonth: 0, sameMonthLastYear: 0 },
      revenueByMonth: [],
      atRiskCount: null,
      expectedRevenueCents: 23_392_775,
      nps: null,
      runAsOf: '2026-12-03',
    };
    const kpis = Object.fromEntries(dashboardKpis(dashboard, en).map((kpi) => [kpi.id, kpi]));
    expect(kpis.active?.label).toBe('Active in the last 90 days');
    expect(kpis.revenue?.value).toBe('CN¥3,496.00');
    expect(kpis.atRisk).toMatchObject({ value: '—', page: 'churn' });
    expect(kpis.expected?.value).toBe('CN¥233,927.75');
    expect(kpis.nps?.value).toBe('No answers yet');
  });

  it('shows revenue in major units with the trend beside it', () => {
    const option = revenueChartOption(
      [
        { month: '2026-10', revenueCents: 1_000_000, trendCents: 900_000.4 },
        { month: '2026-11', revenueCents: 1_200_000, trendCents: 950_000 },
      ],
      en,
    );
    expect((option.xAxis as { data: string[] }).data).toEqual(['Oct 2026', 'Nov 2026']);
    expect(tooltipText(option, 1)).toBe('Nov 2026\nRevenue: CN¥12,000.00\nTrend: CN¥9,500.00');
  });
});

describe('the churn, cluster and value charts', () => {
  it('labels risk bins as percentages without float noise, the at-risk ones in red', () => {
    const bins = [
      { from: 0.30000000000000004, to: 0.4, count: 6 },
      { from: 0.5, to: 0.6000000000000001, count: 27 },
    ];
    expect(percentRange(en, bins[0]!)).toBe('30–40%');
    const option = riskHistogramOption(bins, en);
    expect((option.xAxis as { data: string[] }).data).toEqual(['30–40%', '50–60%']);
    const data = (option.series as { data: { value: number; itemStyle: { color: string } }[] }[])[0]!.data;
    expect(data.map((bar) => bar.itemStyle.color)).toEqual([QUIET, DANGER]);
    expect(tooltipText(option, 1)).toBe('50–60%\n27 customers');
  });

  it('draws one series per cluster, in profile order, with the ticks back in days and money', () => {
    const profiles: ClusterProfile[] = [0, 1].map((index) => ({
      index,
      nameKey: index === 0 ? 'high_value_recent' : 'lapsed_low_value',
      size: 1,
      revenueShare: 0.5,
      medianRecencyDays: 10,
      medianFrequency: 2,
      medianMonetaryCents: 100,
    }));
    const point = (customerId: number, cluster: number) => ({
      customerId,
      cluster,
      logRecency: Math.log1p(30),
      logFrequency: Math.log1p(customerId),
      logMonetary: Math.log1p(250),
    });
    const option = clusterScatterOption(
      [point(1, 1), point(2, 0), point(3, 1)],
      profiles,
      { x: 'recency', y: 'monetary' },
      en,
    );
    const series = option.series as { name: string; data: number[][] }[];
    expect(series.map((one) => [one.name, one.data.length])).toEqual([
      ['High value, recent', 1],
      ['Lapsed, low value', 2],
    ]);
    // The third value is the dot size, from the dimension on neither axis (orders): smallest to largest.
    expect(series[1]!.data.map((values) => values[2])).toEqual([5, 18]);
    expect(inOriginalUnits(en, 'recency', Math.log1p(30))).toBe('30');
    expect(inOriginalUnits(en, 'monetary', Math.log1p(2_500))).toBe('CN¥2.5K');
    expect(tooltipText(option, 1, 1)).toBe(
      'Lapsed, low value\nDays since the last order: 30\nOrders: 3\nAmount spent: CN¥250',
    );
  });

  it('marks the K the silhouette chose', () => {
    const option = silhouetteOption(
      [
        { k: 2, sse: 1, silhouette: 0.43 },
        { k: 3, sse: 1, silhouette: 0.37 },
      ],
      2,
      en,
    );
    const bars = (option.series as { data: { label: { show: boolean } }[] }[])[0]!.data;
    expect(bars.map((bar) => bar.label.show)).toEqual([true, false]);
    expect(tooltipText(option, 0)).toBe(
      '2 clusters: silhouette 0.43\nchosen\nClick: all clustered customers, in the 2 chosen clusters',
    );
  });

  it('stacks the forecast’s active, lapsed and lost customers, month by month', () => {
    const option = forecastOption([{ month: '2027-01', active: 33.06, lapsed: 114.6, lost: 114.3 }], en);
    const series = option.series as { name: string; stack: string; data: number[] }[];
    expect(series.map((one) => [one.name, one.stack, one.data])).toEqual([
      ['Active', 'customers', [33.1]],
      ['Lapsed', 'customers', [114.6]],
      ['Lost', 'customers', [114.3]],
    ]);
    expect(tooltipText(option, 0)).toBe('Jan 2027\nActive: 33\nLapsed: 115\nLost: 114');
  });
});

describe('the customer list’s analytics filters', () => {
  it('reads churn risk as a percentage and lifetime value as an amount', () => {
    const draft = {
      ...draftFromFilters({}, 'CNY'),
      segments: ['at_risk' as const],
      churnRiskMin: '70',
      clvMin: '1,000',
    };
    const result = filtersFromDraft(draft, 'CNY');
    expect(result.filters).toEqual({ segments: ['at_risk'], churnRiskMin: 0.7, clvMinCents: 100_000 });
    expect(draftFromFilters(result.filters!, 'CNY')).toMatchObject({ churnRiskMin: '70', clvMin: '1000' });
    expect(filtersFromDraft({ ...draft, churnRiskMin: '150' }, 'CNY').errors).toEqual({
      churnRiskMin: 'customerList.filter.percentInvalid',
    });
  });

  it('shows the columns that explain why the customers opened from a chart are there', () => {
    expect(columnsExplaining({ segments: ['at_risk'] })).toEqual(['segment']);
    expect(columnsExplaining({ clusters: [1], churnRiskMin: 0.5, clvMinCents: 0 })).toEqual([
      'cluster',
      'churnRisk',
      'clv',
    ]);
    expect(columnsExplaining({ stages: ['lead'] })).toEqual([]);
    // The lowest calibration decile (an upper bound only) and a recency state of the forecast.
    expect(columnsExplaining({ churnRiskMax: 0.12 })).toEqual(['churnRisk']);
    expect(columnsExplaining({ lastOrderBefore: '2025-02-15' })).toEqual(['lastOrderAt']);
  });
});
