import { describe, expect, it } from 'vitest';
import { fieldMessage, runJourney, see, seeNoMore } from '../support/journey';

/**
 * The owner sets SoloCRM up for their business, in Chinese: tags, a custom field, their own name
 * for a stage; mistakes are explained at the field; everything is still there after a reload.
 */

describe('settings journey (web door, Chromium)', () => {
  it('creates a tag and a custom field, renames a stage, explains bad input, and keeps it all', async () => {
    const options = {
      name: 'settings-journey-failure',
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    };
    await runJourney(options, async ({ page, door, problems }) => {
      const tagCreates: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/rpc/tags.create')) tagCreates.push(request.url());
      });

      await page.goto(door.url);
      await page.getByRole('link', { name: '设置' }).click();
      await see(page.getByRole('heading', { name: '设置', level: 1 }));

      // Tags: an empty name is refused at the field before anything is sent.
      const tags = page.getByRole('region', { name: '标签', exact: true });
      const tagName = tags.getByLabel('标签名称');
      await tags.getByRole('button', { name: '添加标签' }).click();
      await see(tags.getByText('此项为必填项'));
      expect(await fieldMessage(tagName)).toBe('此项为必填项');
      expect(tagCreates).toEqual([]);

      await tagName.fill('VIP');
      await seeNoMore(tags.getByText('此项为必填项'));
      await tags.getByRole('button', { name: '添加标签' }).click();
      const vipRow = tags.getByRole('listitem').filter({ hasText: 'VIP' });
      await see(vipRow);
      expect(await vipRow.textContent()).toContain('0 位客户');
      await see(page.getByRole('listitem').filter({ hasText: '已添加标签：VIP' }));
      // The form is ready for the next tag.
      expect(await tags.getByLabel('标签名称').inputValue()).toBe('');

      // The same name in other letters is the same tag: the server's conflict shows at the field.
      await tags.getByLabel('标签名称').fill('vip');
      await tags.getByRole('button', { name: '添加标签' }).click();
      await see(tags.getByText('已有同名标签'));
      expect(await fieldMessage(tags.getByLabel('标签名称'))).toBe('已有同名标签');
      expect(await tags.getByRole('listitem').count()).toBe(1);

      // Deleting a tag can be undone.
      await tags.getByRole('button', { name: '删除标签 VIP' }).click();
      const deletedToast = page.getByRole('listitem').filter({ hasText: '已删除标签：VIP' });
      await see(deletedToast);
      await seeNoMore(vipRow);
      await deletedToast.getByRole('button', { name: '撤销' }).click();
      await see(vipRow);

      // A single-choice field without choices is explained at the choices box; nothing is added.
      const fields = page.getByRole('region', { name: '自定义字段' });
      await fields.getByLabel('字段名称').fill('尺码');
      await fields.getByLabel('类型').selectOption({ label: '单选' });
      await fields.getByRole('button', { name: '添加字段' }).click();
      await see(fields.getByText('请至少添加一个选项'));
      expect(await fieldMessage(fields.getByLabel('选项（每行一个）'))).toBe('请至少添加一个选项');
      expect(await fields.getByRole('listitem').count()).toBe(0);
      await fields.getByLabel('类型').selectOption({ label: '文本' });

      // A custom field "Budget" holding numbers.
      await fields.getByLabel('字段名称').fill('Budget');
      await fields.getByLabel('类型').selectOption({ label: '数字' });
      await fields.getByRole('button', { name: '添加字段' }).click();
      const budgetRow = fields.getByRole('listitem').filter({ hasText: 'Budget' });
      await see(budgetRow);
      expect(await budgetRow.textContent()).toContain('数字');

      // The owner's own name for the first stage.
      const stages = page.getByRole('region', { name: '生命周期阶段' });
      const firstStage = stages.getByLabel('阶段 1 的名称');
      expect(await firstStage.inputValue()).toBe('线索');
      await firstStage.fill('意向线索');
      // An entry without a name cannot be added; two stages under one name cannot be saved.
      await stages.getByRole('button', { name: '添加', exact: true }).click();
      expect(await fieldMessage(stages.getByLabel('新阶段'))).toBe('此项为必填项');
      const secondStage = stages.getByLabel('阶段 2 的名称');
      await secondStage.fill('意向线索');
      await stages.getByRole('button', { name: '保存', exact: true }).click();
      await see(stages.getByText('列表中已有这个名称'));
      expect(await fieldMessage(secondStage)).toBe('列表中已有这个名称');
      await secondStage.fill('潜在客户');
      await stages.getByRole('button', { name: '保存', exact: true }).click();
      await see(page.getByRole('listitem').filter({ hasText: '设置已保存' }));

      // Defaults: a purge age out of range and a currency that is not a code are named at their fields.
      const defaults = page.getByRole('region', { name: '默认值' });
      const days = defaults.getByLabel('回收站清理期限（天）');
      const currency = defaults.getByLabel('货币');
      await days.fill('0');
      await currency.fill('yuan');
      await defaults.getByRole('button', { name: '保存', exact: true }).click();
      await see(defaults.getByText('请输入 1 到 3650 之间的整数天数'));
      expect(await fieldMessage(days)).toBe('请输入 1 到 3650 之间的整数天数');
      expect(await fieldMessage(currency)).toBe('请输入三个字母的货币代码，例如 CNY');
      await days.fill('90');
      await currency.fill('usd');
      await defaults.getByRole('button', { name: '保存', exact: true }).click();
      await seeNoMore(defaults.getByText('请输入 1 到 3650 之间的整数天数'));
      await see(page.getByRole('listitem').filter({ hasText: '设置已保存' }));

      // Everything survives a reload.
      await page.reload();
      await see(page.getByRole('heading', { name: '设置', level: 1 }));
      await see(
        page
          .getByRole('region', { name: '标签', exact: true })
          .getByRole('listitem')
          .filter({ hasText: 'VIP' }),
      );
      await see(
        page.getByRole('region', { name: '自定义字段' }).getByRole('listitem').filter({ hasText: 'Budget' }),
      );
      const reloadedStage = page.getByRole('region', { name: '生命周期阶段' }).getByLabel('阶段 1 的名称');
      await see(reloadedStage);
      expect(await reloadedStage.inputValue()).toBe('意向线索');
      expect(
        await page.getByRole('region', { name: '生命周期阶段' }).getByLabel('阶段 2 的名称').inputValue(),
      ).toBe('潜在客户');
      const reloadedDefaults = page.getByRole('region', { name: '默认值' });
      expect(await reloadedDefaults.getByLabel('回收站清理期限（天）').inputValue()).toBe('90');
      expect(await reloadedDefaults.getByLabel('货币').inputValue()).toBe('USD');

      expect(problems).toEqual([]);
    });
  }, 60_000);
});
