import type { Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startWebDoor } from '../support/webDoor';
import { percentiles, printBench, type BenchRow } from './report';

const FIRST_ROWS_BUDGET_MS = 1_500;
const LOADS = 5;
const WAIT_MS = 30_000;
const FRAME_MS = 50;
const SCROLL_PAGES = 40;
const SCROLL_PAUSE_MS = 100;

/** Milliseconds from `goto` until `selector` is visible. */
async function navigateUntil(page: Page, url: string, selector: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: WAIT_MS });
  return performance.now() - started;
}

/**
 * The list page in real Chromium over the web door, on a data folder the caller filled: first rows
 * visible after navigation (budget 1.5 s, floor = the app shell on the same page load), and how long
 * placeholder rows stay on screen after jumping deep into the list.
 */
export async function benchListPage(dataDir: string): Promise<void> {
  const browser = await launchChromium();
  const door = await startWebDoor({ dataDir });
  try {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const coldRows: number[] = [];
    const coldShell: number[] = [];
    const inAppRows: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      // Cold: a fresh document each time (the app boots, loads settings, then the first window).
      await page.goto('about:blank');
      coldShell.push(await navigateUntil(page, `${door.url}#/settings`, 'nav'));
      await page.goto('about:blank');
      coldRows.push(await navigateUntil(page, `${door.url}#/customers`, '.row-link'));
      // In-app: from Settings to Customers inside the running app (a hash change, no reload).
      await page.goto(`${door.url}#/settings`);
      await page.locator('.row-link').first().waitFor({ state: 'detached', timeout: WAIT_MS });
      inAppRows.push(await navigateUntil(page, `${door.url}#/customers`, '.row-link'));
    }
    const cold = percentiles(coldRows);
    const rows: BenchRow[] = [
      {
        name: 'first rows, cold page load',
        ms: cold.median,
        p95Ms: Math.max(...coldRows),
        operations: 1,
        floorMs: percentiles(coldShell).median,
        budgetMs: FIRST_ROWS_BUDGET_MS,
      },
      {
        name: 'first rows, from Settings inside the app',
        ms: percentiles(inAppRows).median,
        p95Ms: Math.max(...inAppRows),
        operations: 1,
        budgetMs: FIRST_ROWS_BUDGET_MS,
      },
    ];

    // Scrolling as a person does (a page every 100 ms): how many times a placeholder row showed.
    const scroller = page.locator('.data-table-scroll');
    await scroller.focus();
    let blankMoments = 0;
    const scrolling = performance.now();
    for (let i = 0; i < SCROLL_PAGES; i++) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(SCROLL_PAUSE_MS);
      if ((await page.locator('tr.placeholder-row').count()) > 0) blankMoments++;
    }
    rows.push({
      name: `${SCROLL_PAGES} PageDowns: ${blankMoments} moments with placeholder rows`,
      ms: performance.now() - scrolling,
      operations: SCROLL_PAGES,
    });

    // Jump to 50 %, 90 % and the end: how long until no placeholder row is left on screen.
    for (const fraction of [0.5, 0.9, 1]) {
      const started = performance.now();
      await scroller.evaluate((element, at) => {
        const box = element as unknown as { scrollTop: number; scrollHeight: number };
        box.scrollTop = box.scrollHeight * at;
      }, fraction);
      // One frame for the virtualizer to react to the scroll, then until every placeholder is filled.
      // (A locator, not waitForFunction: the page's CSP rightly forbids evaluating strings.)
      await page.waitForTimeout(FRAME_MS);
      await page.locator('tr.placeholder-row').first().waitFor({ state: 'detached', timeout: WAIT_MS });
      rows.push({
        name: `rows filled after a jump to ${fraction * 100} %`,
        ms: performance.now() - started,
        operations: 1,
      });
    }
    printBench('customer list page in Chromium over the web door (100,000 customers)', rows);
  } finally {
    await browser.close();
    await door.stop();
  }
}
