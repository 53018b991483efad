import { describe, expect, it } from 'vitest';
import { analyticsFormat } from '../../src-renderer/features/analytics/analyticsFormat';
import {
  addMonths,
  calibrationDecileFilters,
  clusteredFilters,
  monthFilters,
  RECENCY_STATES,
  recencyStateFilters,
  riskBinFilters,
} from '../../src-renderer/features/analytics/chartFilters';
import { calibrationOption } from '../../src-renderer/features/analytics/charts/churnCharts';
import { forecastOption } from '../../src-renderer/features/analytics/charts/valueCharts';
import { useI18n } from '../../src-renderer/i18n/useI18n';

/** What each chart click opens: the customer list's filters, as pure functions of the run's figures. */

function format(locale: 'en' | 'zh-CN') {
  useI18n.getState().setLocale(locale);
  return analyticsFormat(useI18n.getState().t, locale, 'CNY');
}

type Formatter = (params: { dataIndex: number; seriesIndex?: number }) => string;
const tooltipText = (option: { tooltip?: unknown }, dataIndex: number) =>
  (option.tooltip as { formatter: Formatter }).formatter({ dataIndex, seriesIndex: 0 });

/** Ten deciles' mean predictions, low to high, as a fitted model gives them. */
const PREDICTED = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

describe('a chart click opens the customers behind it', () => {
  it('opens one bar of the risk histogram from its lower edge to its upper, the last one to 100 %', () => {
    expect(riskBinFilters({ from: 0.30000000000000004, to: 0.4 }, false)).toEqual({
      churnRiskMin: 0.3,
      churnRiskMax: 0.4,
    });
    expect(riskBinFilters({ from: 0.9, to: 1 }, true)).toEqual({ churnRiskMin: 0.9 });
  });

  it('opens a month of revenue as the customers with a paid order in it, December included', () => {
    expect(monthFilters('2026-03')).toEqual({ orderedFrom: '2026-03-01', orderedBefore: '2026-04-01' });
    expect(monthFilters('2025-12')).toEqual({ orderedFrom: '2025-12-01', orderedBefore: '2026-01-01' });
  });
});

describe('a decile of the calibration chart', () => {
  it('opens today’s customers between the midpoints to its neighbours’ mean predictions', () => {
    expect(calibrationDecileFilters(PREDICTED, 0)).toEqual({ churnRiskMax: 0.075 });
    // (0.1 + 0.2) / 2 is 0.15000000000000002 in floating point: kept to 0.1 %.
    expect(calibrationDecileFilters(PREDICTED, 1)).toEqual({ churnRiskMin: 0.075, churnRiskMax: 0.15 });
    expect(calibrationDecileFilters(PREDICTED, 4)).toEqual({ churnRiskMin: 0.35, churnRiskMax: 0.45 });
    expect(calibrationDecileFilters(PREDICTED, 9)).toEqual({ churnRiskMin: 0.85 });
  });

  it('splits the whole range of risk: each decile starts where the one below it stops', () => {
    const deciles = PREDICTED.map((_, index) => calibrationDecileFilters(PREDICTED, index));
    expect(deciles[0]!.churnRiskMin).toBeUndefined();
    expect(deciles.at(-1)!.churnRiskMax).toBeUndefined();
    for (let index = 1; index < deciles.length; index++) {
      expect(deciles[index]!.churnRiskMin).toBe(deciles[index - 1]!.churnRiskMax);
      // Each decile's own mean prediction lies inside the range it opens.
      expect(PREDICTED[index]).toBeGreaterThanOrEqual(deciles[index]!.churnRiskMin!);
    }
  });

  it('opens everyone scored when the test window was too small for more than one group', () => {
    expect(calibrationDecileFilters([0.4], 0)).toEqual({ churnRiskMin: 0 });
  });

  it('says in the tooltip which range of today’s risk a click opens, in both languages', () => {
    const bins = PREDICTED.map((predicted) => ({ predicted, observed: predicted, count: 20 }));
    expect(tooltipText(calibrationOption(bins, format('en')), 4)).toBe(
      'Group 5 of 10\nPredicted: 40%\nObserved: 40%\n20 customers\nClick: today’s customers at 35–45%',
    );
    expect(tooltipText(calibrationOption(bins, format('zh-CN')), 0)).toContain(
      '点击：当前风险在 0–7.5% 的客户',
    );
    // The click target is an invisible bar over each decile; the legend names only the two lines.
    const option = calibrationOption(bins, format('en'));
    const series = option.series as { type: string; data: unknown[] }[];
    expect(series.map((one) => one.type)).toEqual(['line', 'line', 'bar']);
    expect(series[2]!.data).toHaveLength(10);
    expect((option.legend as { data: string[] }).data).toEqual(['Predicted', 'Observed']);
  });
});

describe('a state of the Markov forecast', () => {
  it('counts calendar months back from a day, the 31st to a shorter month’s last day', () => {
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-01-15', -11)).toBe('2025-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', -13)).toBe('2024-12-31');
  });

  it('opens the customers in that state today, by the month of their last order', () => {
    expect(recencyStateFilters('active', '2026-01-15', 11)).toEqual({ lastOrderFrom: '2025-12-15' });
    expect(recencyStateFilters('lapsed', '2026-01-15', 11)).toEqual({
      lastOrderFrom: '2025-02-15',
      lastOrderBefore: '2025-12-15',
    });
    expect(recencyStateFilters('lost', '2026-01-15', 11)).toEqual({ lastOrderBefore: '2025-02-15' });
  });

  it('draws one clickable band per state, in the order a click’s series index names them', () => {
    const option = forecastOption([{ month: '2026-02', active: 30, lapsed: 100, lost: 120 }], format('en'));
    const series = option.series as { name: string; triggerEvent: boolean }[];
    expect(RECENCY_STATES).toEqual(['active', 'lapsed', 'lost']);
    expect(series.map((one) => [one.name, one.triggerEvent])).toEqual([
      ['Active', true],
      ['Lapsed', true],
      ['Lost', true],
    ]);
  });
});

describe('a bar of the silhouette chart', () => {
  it('opens every clustered customer, in the chosen K’s clusters', () => {
    expect(clusteredFilters([{ index: 0 }, { index: 1 }, { index: 2 }])).toEqual({ clusters: [0, 1, 2] });
  });
});
