import { describe, expect, it } from 'vitest';
import { runJourney, see, seeNoMore } from '../support/journey';

/**
 * The owner finds a person entered twice (the phone typed two ways), merges the records taking the
 * newer one's company, checks the result, and changes their mind with Undo: in Chinese, through the
 * real UI, web door and SQLite file.
 */

describe('duplicates journey (web door, Chromium)', () => {
  it('finds a planted duplicate by phone, merges it, sees the result and undoes the merge', async () => {
    const options = { name: 'duplicates-journey', locale: 'zh-CN' };
    await runJourney(options, async ({ page, door, problems, call }) => {
      // Planted before the lists are first shown, as if entered in an earlier session.
      await page.goto(new URL('#/duplicates', door.url).href);
      await see(page.getByRole('heading', { name: '没有发现重复客户' }));
      const older = await call<{ id: number }>('customers.create', {
        name: '张三',
        city: '杭州',
        emails: ['zhangsan@example.com'],
        phones: ['138 0013 8000'],
      });
      await call('customers.create', {
        name: '张先生',
        company: '星河贸易有限公司',
        emails: ['zs@xinghe.cn'],
        phones: ['+86 13800138000'],
      });

      await page.reload();

      // The pair, with the reason and a score.
      await see(page.getByRole('heading', { name: '重复客户', level: 1 }));
      const pair = page.getByRole('list', { name: '可能重复的客户' }).getByRole('listitem').first();
      await see(pair.getByText('电话相同：138 0013 8000'));
      await see(pair.getByText('相似度 50/100'));
      expect(await pair.getByRole('link', { name: '张三' }).getAttribute('href')).toBe(
        `#/customers/${older.id}`,
      );

      // Merge into the older record, taking the other one's company.
      await pair.getByRole('button', { name: '合并 张三 和 张先生' }).click();
      const dialog = page.getByRole('dialog', { name: '合并两条记录' });
      await see(dialog.getByRole('columnheader', { name: '保留：张三' }));
      const keepCompany = dialog.getByRole('radio', { name: '公司：（空）' });
      expect(await keepCompany.isChecked()).toBe(true);
      await dialog.getByRole('radio', { name: '公司：星河贸易有限公司' }).check();
      expect(await dialog.getByRole('radio', { name: '姓名：张三' }).isChecked()).toBe(true);
      await dialog.getByRole('button', { name: '合并', exact: true }).click();
      await seeNoMore(dialog);
      const toast = page.getByRole('listitem').filter({ hasText: '已将 张先生 合并到 张三' });
      await see(toast);
      await see(page.getByRole('heading', { name: '没有发现重复客户' }));
      // Keep the toast (and its Undo) while we look at the record: hovering holds it.
      await toast.hover();

      // The kept record has both emails, both names' facts, and the other's company.
      await page.getByRole('link', { name: '客户', exact: true }).click();
      const keptRow = page.getByRole('row').filter({ hasText: '张三' });
      await see(keptRow.filter({ hasText: '星河贸易有限公司' }));
      await seeNoMore(page.getByRole('row').filter({ hasText: '张先生' }));
      await keptRow.getByRole('link', { name: '张三' }).click();
      await see(page.getByText('zs@xinghe.cn'));
      await see(page.getByText('zhangsan@example.com'));

      // Undo from the toast: both records are back, apart, and suggested again.
      await toast.getByRole('button', { name: '撤销' }).click();
      await see(page.getByRole('listitem').filter({ hasText: '已撤销合并：张三 和 张先生 重新分开' }));
      await page.getByRole('link', { name: '客户', exact: true }).click();
      await see(page.getByRole('row').filter({ hasText: '张先生' }).filter({ hasText: '星河贸易有限公司' }));
      const restoredRow = page.getByRole('row').filter({ hasText: '张三' });
      await see(restoredRow.filter({ hasText: '杭州' }));
      expect(await restoredRow.textContent()).not.toContain('星河贸易有限公司');
      await page.getByRole('link', { name: '重复客户' }).click();
      await see(page.getByText('电话相同：138 0013 8000'));

      expect(problems).toEqual([]);
    });
  });
});
