import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fieldMessage, runJourney, see, seeNoMore } from '../support/journey';

/**
 * A person's first session with SoloCRM, in Chinese, through the real UI, the real web door and a
 * real SQLite file: every step asserts what they would see, not what the code did.
 */

async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

describe('customers journey (web door, Chromium)', () => {
  it('adds, fixes, edits, trashes, undoes, restores and switches language', async () => {
    const options = { name: 'customers-journey-failure', locale: 'zh-CN' };
    await runJourney(options, async ({ page, door, problems, call }) => {
      const createCalls: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/rpc/customers.create')) createCalls.push(request.url());
      });

      // First run: an empty data folder explains what to do next.
      // The home page is the dashboard: the customer list is one link away.
      await page.goto(new URL('#/customers', door.url).href);
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
      expect(await fieldMessage(email, dialog)).toBe('请输入有效的邮箱地址');
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
      // Erasing asks first (it cannot be undone), and spares what is younger than the Settings age.
      await page.getByRole('button', { name: '清除超过 30 天的客户…' }).click();
      const purgeDialog = page.getByRole('dialog', { name: '永久清除旧客户？' });
      await see(purgeDialog.getByText(/超过 30 天的客户将被永久删除/));
      await purgeDialog.getByRole('button', { name: '取消' }).click();
      await seeNoMore(purgeDialog);
      await page.getByRole('button', { name: '清除超过 30 天的客户…' }).click();
      await purgeDialog.getByRole('button', { name: '永久清除' }).click();
      await see(page.getByRole('listitem').filter({ hasText: '已清除 0 位客户' }));
      await see(trashRow);
      await trashRow.getByRole('button', { name: '恢复 张三' }).click();
      await see(page.getByRole('heading', { name: '回收站是空的' }));
      await page.getByRole('link', { name: '客户', exact: true }).click();
      await see(row.filter({ hasText: '杭州' }));

      // A reload keeps the page and the data.
      await page.reload();
      await see(page.getByRole('row').filter({ hasText: '张三' }).filter({ hasText: '杭州' }));

      // Another client of the same backend (a second window) adds someone: the list updates live.
      await call('customers.create', { name: '王五', city: '成都' });
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
    });
  }, 40_000);
});
