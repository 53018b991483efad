import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runJourney, see, SEEN_WITHIN_MS } from '../support/journey';

async function optionNames(page: Page): Promise<string[]> {
  return page.locator('.palette-option .strong').allTextContents();
}

describe('search everywhere (web door, Chromium)', () => {
  it('finds 张三 by pinyin initials and by a phone fragment, and runs commands', async () => {
    const options = { name: 'search-journey', locale: 'zh-CN' };
    await runJourney(options, async ({ page, door, problems, call }) => {
      await page.goto(door.url);
      await see(page.getByRole('navigation'));
      // Entered in another window of the same backend.
      await call('customers.create', { name: '张三', company: '杭州茶叶', phones: ['+86 138 0013 8000'] });
      await call('customers.create', { name: '赵四', phones: ['139 0000 1111'] });
      await call('customers.create', { name: 'Anna Li', emails: ['anna@example.com'] });

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
      await page.waitForURL(/#\/customers\/\d+$/);
      expect(await palette.count()).toBe(0);

      // `/` opens it too; something nobody matches says so; commands are found by their words.
      await page.locator('body').click();
      await page.keyboard.press('/');
      await see(palette);
      await palette.getByRole('combobox').fill('回收站');
      await see(palette.getByRole('option', { name: /前往回收站/ }));
      await see(palette.getByText('没有与“回收站”匹配的客户。'));
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/trash$/);

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
    });
  });
});
