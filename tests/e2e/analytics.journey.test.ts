import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runJourney, see } from '../support/journey';

/**
 * The analytics pages through the real UI, the real web door and its automatic re-run: demo data
 * from the empty dashboard, the At Risk segment opened from Segments into the customer list and
 * tagged there, the churn model's quality panel, and every page's charts drawn, in Chinese and
 * then in English, without a console error or a CSP violation.
 */

/** The web door re-runs 3 s after a change; 300 demo customers take well under a second more. */
const RUN_FINISHES_WITHIN_MS = 20_000;

/** A chart is drawn when echarts has put its canvas, with a real size, into the chart's box. */
async function seeChart(chart: Locator): Promise<void> {
  await see(chart);
  const canvas = chart.locator('canvas').first();
  await canvas.waitFor({ state: 'visible', timeout: 10_000 });
  const box = await canvas.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(100);
  expect(box?.height ?? 0).toBeGreaterThan(100);
}

/** What the test reads of the latest run: the calibration deciles' mean predictions. */
interface CalibratedRun {
  churn: { quality: { calibration: { predicted: number }[] } };
}

/**
 * Clicks the middle of one category of a chart drawn on the analytics pages' grid (chartTheme.ts:
 * 64 px left, 24 right, 32 top, 48 bottom), where a whole-height column answers the click.
 */
async function clickColumn(chart: Locator, index: number, count: number): Promise<void> {
  const canvas = chart.locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const x = 64 + ((index + 0.5) * (box.width - 64 - 24)) / count;
  await canvas.click({ position: { x, y: 32 + (box.height - 32 - 48) / 2 } });
}

/** The text of every rendered cell of one column of the customer list. */
async function columnTexts(page: Page, column: string): Promise<string[]> {
  return page
    .getByRole('table', { name: /客户列表|Customer list/ })
    .locator(`tbody tr:not(.spacer-row):not(.placeholder-row) td.col-${column}`)
    .allTextContents();
}

describe('analytics journey (web door, Chromium)', () => {
  it('segments demo data, tags the At Risk customers, and shows churn quality and every chart in both languages', async () => {
    const options = { name: 'analytics-journey-failure', locale: 'zh-CN' };
    await runJourney(options, async ({ page, door, problems, call }) => {
      // (1) A new owner lands on the dashboard: nothing to analyse, demo data one click away.
      await page.goto(door.url);
      await see(page.getByRole('heading', { name: '概览', level: 1 }));
      await page.getByRole('button', { name: '载入演示数据' }).click();
      // The automatic run starts 3 s after the change; the figures appear when it ends.
      const kpis = page.getByRole('list', { name: '关键数字' });
      await kpis.waitFor({ state: 'visible', timeout: RUN_FINISHES_WITHIN_MS });
      await see(kpis.getByText('300', { exact: true }));
      await see(page.getByText(/截至 .*（今天）/));
      await seeChart(page.getByRole('img', { name: /每月营收的柱状图/ }));

      // (2) Segments: the grid is drawn; "At Risk" opens the customer list on exactly those customers.
      await page.getByRole('link', { name: '客户分群', exact: true }).click();
      await see(page.getByRole('heading', { name: '客户分群', level: 1 }));
      await seeChart(page.getByRole('img', { name: /热力图/ }));
      const atRisk = await call<{ total: number }>('customers.list', {
        limit: 1,
        filters: { segments: ['at_risk'] },
      });
      expect(atRisk.total).toBeGreaterThan(0);
      await page.getByRole('button', { name: '有流失风险', exact: true }).click();

      const chips = page.getByRole('list', { name: '当前筛选条件' });
      await see(chips.getByText('客户分群：有流失风险'));
      await see(page.getByText(`符合筛选条件的有 ${atRisk.total} 位`));
      // The list shows why they are there: the segment column, right after the name.
      await see(page.getByRole('columnheader', { name: '客户分群' }));
      await expect.poll(async () => (await columnTexts(page, 'segment')).length).toBeGreaterThan(0);
      const segments = await columnTexts(page, 'segment');
      expect(new Set(segments)).toEqual(new Set(['有流失风险']));

      // (3) Tag every one of them with a bulk action (the demo's "VIP" tag).
      const tags = await call<{ id: number; name: string }[]>('tags.list', {});
      const vip = tags.find((tag) => tag.name === 'VIP');
      expect(vip).toBeDefined();
      await page.getByRole('checkbox', { name: `选择全部 ${atRisk.total} 位符合条件的客户` }).check();
      const bulkBar = page.getByRole('toolbar', { name: '对所选客户的操作' });
      await bulkBar.getByRole('button', { name: '添加标签…' }).click();
      const tagDialog = page.getByRole('dialog', { name: '添加标签…' });
      await tagDialog.getByLabel('标签').selectOption({ label: 'VIP' });
      await tagDialog.getByRole('button', { name: '应用' }).click();
      await see(page.getByText(`已更新 ${atRisk.total} 位客户`));
      const tagged = await call<{ total: number }>('customers.list', {
        limit: 1,
        filters: { segments: ['at_risk'], tagIds: [vip!.id] },
      });
      expect(tagged.total).toBe(atRisk.total);

      // (4) Churn: the quality panel with the model's AUC, the histogram, the at-risk list with reasons.
      await page.getByRole('link', { name: '流失风险', exact: true }).click();
      await see(page.getByRole('heading', { name: '模型有多可信' }));
      const auc = page.locator('dt:text-is("ROC-AUC（区分能力）") + dd');
      await see(auc);
      expect(await auc.textContent()).toMatch(/^0\.\d{3}$/);
      await seeChart(page.getByRole('img', { name: /流失风险水平/ }));
      await seeChart(page.getByRole('img', { name: /预测流失率与实际流失率/ }));
      await see(page.getByRole('table', { name: '先联系谁' }).getByText(/，风险(升高|降低)/));

      // (4b) A click on the calibration chart's fifth group opens today's customers whose risk lies
      // between the midpoints to its neighbours' mean predictions (decision 52).
      const { run } = await call<{ run: CalibratedRun }>('analytics.latest', {});
      const means = run.churn.quality.calibration.map((bin) => bin.predicted);
      expect(means).toHaveLength(10);
      const edge = (a: number, b: number) => Math.round(((a + b) / 2) * 1000) / 1000;
      const [from, below] = [edge(means[3]!, means[4]!), edge(means[4]!, means[5]!)];
      const decile = await call<{ total: number }>('customers.list', {
        limit: 1,
        filters: { churnRiskMin: from, churnRiskMax: below },
      });
      expect(decile.total).toBeGreaterThan(0);
      await clickColumn(page.getByRole('img', { name: /预测流失率与实际流失率/ }), 4, means.length);
      const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });
      await see(chips.getByText(`流失风险不低于：${percent.format(from)}`));
      await see(chips.getByText(`流失风险低于：${percent.format(below)}`));
      await see(page.getByText(`符合筛选条件的有 ${decile.total} 位`));
      await see(page.getByRole('columnheader', { name: '流失风险' }));

      // (5) Clusters and Value draw their charts.
      await page.getByRole('link', { name: '聚类', exact: true }).click();
      await seeChart(page.getByRole('img', { name: /散点图/ }));
      await seeChart(page.getByRole('img', { name: /轮廓系数的柱状图/ }));
      await page.getByRole('link', { name: '客户价值', exact: true }).click();
      await seeChart(page.getByRole('img', { name: /终身价值在各金额区间/ }));
      await seeChart(page.getByRole('img', { name: /堆叠面积图/ }));

      // (6) Once in English: the charts are drawn again in the new language, the segment keeps its name.
      await page.getByRole('link', { name: '设置', exact: true }).click();
      await page.getByRole('radio', { name: 'English', exact: true }).check();
      await see(page.getByRole('heading', { name: 'Settings', level: 1 }));
      await page.getByRole('link', { name: 'Segments', exact: true }).click();
      await seeChart(page.getByRole('img', { name: /Heat map of customers/ }));
      await see(page.getByRole('button', { name: 'At Risk', exact: true }));
      await page.getByRole('link', { name: 'Churn risk', exact: true }).click();
      await see(page.getByRole('heading', { name: 'How far to trust the model' }));
      await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
      await seeChart(page.getByRole('img', { name: /revenue per month/ }));

      expect(problems).toEqual([]);
    });
  }, 120_000);
});
