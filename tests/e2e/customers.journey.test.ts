import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotOnFailure, watchPageProblems } from '../support/browser';
import { startWebDoor, type WebDoor } from '../support/webDoor';

/**
 * A person's first session with SoloCRM, in Chinese, through the real UI, the real web door and a
 * real SQLite file: every step asserts what they would see, not what the code did.
 */

const SEEN_WITHIN_MS = 5_000;

/** playwright-core has no auto-retrying `expect`; waiting for the element is the assertion. */
async function see(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: SEEN_WITHIN_MS });
}

async function seeNoMore(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout: SEEN_WITHIN_MS });
}

async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

describe('customers journey (web door, Chromium)', () => {
  let door: WebDoor | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await door?.stop();
  });

  it('adds, fixes, edits, trashes, undoes, restores and switches language', async () => {
    // Inside the test, not in beforeAll: a missing Chromium must show as this test failing
    // (with instructions), never as a skipped test.
    browser = await launchChromium();
    door = await startWebDoor();
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    const createCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/rpc/customers.create')) createCalls.push(request.url());
    });

    try {
      // First run: an empty data folder explains what to do next.
      await page.goto(door.url);
      await see(page.getByRole('heading', { name: '还没有客户' }));
      await see(page.getByRole('button', { name: '载入演示数据' }));
      expect(await page.title()).toBe('客户 · SoloCRM');
      expect(await htmlLang(page)).toBe('zh-CN');

      // Create, with a mistake in the email first.
      await page.getByRole('button', { name: '添加第一位客户' }).click();
      const dialog = page.getByRole('dialog', { name: '新建客户' });
      await see(dialog);
      await dialog.getByLabel('姓名').fill('张三');
      await dialog.getByLabel('公司').fill('星河贸易有限公司');
      await dialog.getByLabel('电话').fill('138 0013 8000');
      const email = dialog.getByLabel('邮箱');
      await email.fill('zhangsan@');
      await dialog.getByRole('button', { name: '保存' }).click();

      const emailError = dialog.getByText('请输入有效的邮箱地址');
      await see(emailError);
      // The message belongs to the email field (what a screen reader announces with it), not just the form.
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await email.getAttribute('aria-describedby');
      expect(await dialog.locator(`[id="${describedBy}"]`).textContent()).toBe('请输入有效的邮箱地址');
      // Nothing was sent, nothing was saved: the dialog is still open over the empty list.
      expect(createCalls).toEqual([]);
      expect(await dialog.isVisible()).toBe(true);

      await email.fill('zhangsan@example.com');
      await seeNoMore(emailError);
      await dialog.getByRole('button', { name: '保存' }).click();
      await seeNoMore(dialog);
      // Saving opens the new customer's page; the list is one link away.
      await page.waitForURL(/#\/customers\/\d+$/);
      await page.getByRole('link', { name: '全部客户' }).click();
      const row = page.getByRole('row').filter({ hasText: '张三' });
      await see(row);
      expect(await row.textContent()).toContain('星河贸易有限公司');
      await see(page.getByText('共 1 位'));
      expect(createCalls).toHaveLength(1);

      // The keyboard way in and out: N opens a new form, Esc closes it without saving.
      await page.keyboard.press('n');
      const newDialog = page.getByRole('dialog', { name: '新建客户' });
      await see(newDialog);
      await page.keyboard.press('Escape');
      await seeNoMore(newDialog);
      expect(createCalls).toHaveLength(1);

      // Edit on the customer's own page, which a click on the row opens: add the city.
      await row.click();
      await page.waitForURL(/#\/customers\/\d+$/);
      await page.getByRole('button', { name: '编辑', exact: true }).click();
      const editDialog = page.getByRole('dialog', { name: '编辑客户' });
      await see(editDialog);
      expect(await editDialog.getByLabel('姓名').inputValue()).toBe('张三');
      await editDialog.getByLabel('城市').fill('杭州');
      await editDialog.getByRole('button', { name: '保存' }).click();
      await seeNoMore(editDialog);
      await page.getByRole('link', { name: '全部客户' }).click();
      await see(row.filter({ hasText: '杭州' }));

      // Delete (select the row, move the selection to the trash), then change their mind with Undo.
      const trashSelected = async () => {
        await page.getByRole('checkbox', { name: '选择 张三' }).check();
        await page
          .getByRole('toolbar', { name: '对所选客户的操作' })
          .getByRole('button', { name: '移到回收站' })
          .click();
      };
      await trashSelected();
      const trashedToast = page.getByRole('listitem').filter({ hasText: '已将 1 位客户移到回收站' });
      await see(trashedToast);
      await seeNoMore(row);
      await trashedToast.getByRole('button', { name: '撤销' }).click();
      await see(row.filter({ hasText: '杭州' }));

      // Delete again; find it in the trash with its deletion time; restore it from there.
      await trashSelected();
      await seeNoMore(row);
      await page.getByRole('link', { name: '回收站' }).click();
      await see(page.getByRole('heading', { name: '回收站', level: 1 }));
      const trashRow = page
        .getByRole('table', { name: '已删除的客户' })
        .getByRole('row')
        .filter({ hasText: '张三' });
      await see(trashRow);
      expect(await trashRow.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      await trashRow.getByRole('button', { name: '恢复 张三' }).click();
      await see(page.getByRole('heading', { name: '回收站是空的' }));
      await page.getByRole('link', { name: '客户', exact: true }).click();
      await see(row.filter({ hasText: '杭州' }));

      // A reload keeps the page and the data.
      await page.reload();
      await see(page.getByRole('row').filter({ hasText: '张三' }).filter({ hasText: '杭州' }));

      // Another client of the same backend (a second window) adds someone: the list updates live.
      const token = await page.locator('meta[name="solocrm-token"]').getAttribute('content');
      const added = await fetch(new URL('rpc/customers.create', door.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ input: { name: '王五', city: '成都' } }),
      });
      expect(((await added.json()) as { ok: boolean }).ok).toBe(true);
      await see(page.getByRole('row').filter({ hasText: '王五' }).filter({ hasText: '成都' }));

      // Switch to English; it persists across a reload; switch back.
      await page.getByRole('link', { name: '设置' }).click();
      await page.getByRole('radio', { name: 'English', exact: true }).check();
      await see(page.getByRole('heading', { name: 'Settings', level: 1 }));
      await see(page.getByRole('link', { name: 'Customers', exact: true }));
      expect(await htmlLang(page)).toBe('en');
      await page.reload();
      await see(page.getByRole('heading', { name: 'Settings', level: 1 }));
      expect(await page.title()).toBe('Settings · SoloCRM');
      await page.getByRole('link', { name: 'Customers', exact: true }).click();
      await see(page.getByRole('columnheader', { name: 'Company' }));
      await see(page.getByRole('checkbox', { name: 'Select 张三' }));
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('radio', { name: '简体中文', exact: true }).check();
      await see(page.getByRole('heading', { name: '设置', level: 1 }));
      expect(await htmlLang(page)).toBe('zh-CN');

      expect(problems).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'customers-journey-failure');
      throw error;
    }
  }, 40_000);
});
