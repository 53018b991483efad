import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotOnFailure, watchPageProblems } from '../support/browser';
import { startWebDoor, type WebDoor } from '../support/webDoor';

const SEEN_WITHIN_MS = 5_000;

async function see(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: SEEN_WITHIN_MS });
}

/** Creates customers through the page's own door (its token, its origin), as another window would. */
async function seed(page: Page, customers: object[]): Promise<void> {
  await page.evaluate(async (list) => {
    // This file is compiled without the DOM library: reach the page's document through globalThis.
    const { document } = globalThis as unknown as {
      document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
    };
    const token = document.querySelector('meta[name="solocrm-token"]')?.getAttribute('content') ?? '';
    for (const input of list) {
      const response = await fetch('/rpc/customers.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ input }),
      });
      const envelope = (await response.json()) as { ok: boolean };
      if (!envelope.ok) throw new Error(JSON.stringify(envelope));
    }
  }, customers);
}

async function optionNames(page: Page): Promise<string[]> {
  return page.locator('.palette-option .strong').allTextContents();
}

describe('search everywhere (web door, Chromium)', () => {
  let door: WebDoor | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await door?.stop();
  });

  it('finds 张三 by pinyin initials and by a phone fragment, and runs commands', async () => {
    browser = await launchChromium();
    door = await startWebDoor();
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    try {
      await page.goto(door.url);
      await see(page.getByRole('navigation'));
      await seed(page, [
        { name: '张三', company: '杭州茶叶', phones: ['+86 138 0013 8000'] },
        { name: '赵四', phones: ['139 0000 1111'] },
        { name: 'Anna Li', emails: ['anna@example.com'] },
      ]);

      // Ctrl+K, then pinyin initials: both people whose names read "zs".
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: '搜索与命令' });
      await see(palette);
      await palette.getByRole('combobox').fill('zs');
      await see(palette.getByRole('option', { name: /张三/ }));
      expect(await optionNames(page)).toEqual(['张三', '赵四']);
      await see(palette.getByText(/用时 [\d.]+ 毫秒/));

      // A phone fragment typed the way it is read aloud finds only the one number.
      await palette.getByRole('combobox').fill('13800');
      // The previous answer stays on screen until the new one arrives (no flicker while typing).
      await palette
        .getByRole('option', { name: /赵四/ })
        .waitFor({ state: 'detached', timeout: SEEN_WITHIN_MS });
      expect(await optionNames(page)).toEqual(['张三']);
      // Enter opens the highlighted customer's page.
      await page.keyboard.press('Enter');
      await page.waitForFunction("location.hash.startsWith('#/customers/')");
      expect(await palette.count()).toBe(0);

      // `/` opens it too; something nobody matches says so; commands are found by their words.
      await page.locator('body').click();
      await page.keyboard.press('/');
      await see(palette);
      await palette.getByRole('combobox').fill('回收站');
      await see(palette.getByRole('option', { name: /前往回收站/ }));
      await see(palette.getByText('没有与“回收站”匹配的客户。'));
      await page.keyboard.press('Enter');
      await page.waitForFunction("location.hash === '#/trash'");

      // Esc closes without doing anything.
      await page.keyboard.press('Control+k');
      await see(palette);
      await page.keyboard.press('Escape');
      await palette.waitFor({ state: 'detached', timeout: SEEN_WITHIN_MS });
      expect(await page.evaluate('location.hash')).toBe('#/trash');

      // "New customer" from anywhere: back to the list, with the form open.
      await page.keyboard.press('Control+k');
      await palette.getByRole('combobox').fill('新建');
      await see(palette.getByRole('option', { name: /新建客户/ }));
      await page.keyboard.press('Enter');
      await see(page.getByRole('dialog', { name: '新建客户' }));
      expect(await page.evaluate('location.hash')).toBe('#/customers');

      expect(problems).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'search-journey');
      throw error;
    }
  });
});
