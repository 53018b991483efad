import { describe, expect, it } from 'vitest';
import { fieldMessage, runJourney, see, seeNoMore } from '../support/journey';

/**
 * Customer 360 in Chinese, through the real UI, web door and SQLite file: a customer with two phones
 * (one that cannot be verified) and a custom field; a conversation logged with Ctrl+L; an order, with a
 * mistyped amount first; all of it on the timeline and in the header; a duplicate noticed while typing.
 */

describe('customer 360 journey (web door, Chromium)', () => {
  it('creates a full customer, logs a conversation and an order, and sees them on one page', async () => {
    const options = {
      name: 'customer360-journey-failure',
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    };
    await runJourney(options, async ({ page, door, problems, call }) => {
      const calls: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/rpc/')) calls.push(request.url());
      });
      const orderCalls = () => calls.filter((url) => url.endsWith('/rpc/orders.create'));

      // The home page is the dashboard: the customer list is one link away.
      await page.goto(new URL('#/customers', door.url).href);
      await see(page.getByRole('heading', { name: '还没有客户' }));
      await call('customFields.create', { label: '会员号', type: 'text' });
      await call('customFields.create', { label: '年采购量', type: 'number' });

      // Create: two phones (the second cannot be a real number), a custom field.
      await page.keyboard.press('n');
      const dialog = page.getByRole('dialog', { name: '新建客户' });
      await see(dialog);
      await dialog.getByLabel('姓名').fill('李雷');
      await dialog.getByLabel('公司', { exact: true }).fill('韩梅贸易');
      await dialog.getByLabel('电话', { exact: true }).fill('138 0013 8000');
      await dialog.getByRole('button', { name: '添加电话' }).click();
      await dialog.getByLabel('电话 2', { exact: true }).fill('12345');
      await dialog.getByLabel('会员号', { exact: true }).fill('VIP-001');
      await dialog.getByRole('button', { name: '保存' }).click();
      await seeNoMore(dialog);

      // Saving opens the new customer's page.
      await see(page.getByRole('heading', { name: '李雷', level: 1 }));
      expect(page.url()).toMatch(/#\/customers\/\d+$/);
      const contacts = page.getByRole('list', { name: '联系方式' });
      const goodPhone = contacts.getByRole('listitem').filter({ hasText: '138 0013 8000' });
      const badPhone = contacts.getByRole('listitem').filter({ hasText: '12345' });
      await see(badPhone);
      // Kept as typed, flagged, never dropped; the good one is not flagged.
      expect(await badPhone.textContent()).toContain('无法验证');
      expect(await goodPhone.textContent()).not.toContain('无法验证');
      await see(page.getByRole('definition').filter({ hasText: 'VIP-001' }));
      const facts = page.getByRole('definition');
      const timeline = page.getByRole('list', { name: '时间线' });
      await see(timeline.getByRole('listitem').filter({ hasText: '创建了客户' }));

      // Ctrl+L: log a conversation; its body keeps its line breaks as plain text.
      await page.keyboard.press('Control+l');
      const talk = page.getByRole('dialog', { name: '记录沟通' });
      await see(talk);
      await talk.getByLabel('主题').fill('报价跟进');
      await talk.getByLabel('沟通内容').fill('第一行\n<b>第二行</b>');
      const duration = talk.getByLabel('时长（分钟）');
      await duration.fill('半小时');
      await talk.getByRole('button', { name: '保存' }).click();
      await see(talk.getByText('请输入 0 到 1440 之间的整数分钟'));
      expect(await fieldMessage(duration, talk)).toBe('请输入 0 到 1440 之间的整数分钟');
      expect(calls.filter((url) => url.endsWith('conversations.create'))).toEqual([]);
      await duration.fill('30');
      await talk.getByRole('button', { name: '保存' }).click();
      await seeNoMore(talk);
      const talkItem = timeline.getByRole('listitem').filter({ hasText: '报价跟进' });
      await see(talkItem);
      expect(await talkItem.textContent()).toContain('30 分钟');
      const body = talkItem.locator('.timeline-body');
      expect(await body.textContent()).toBe('第一行\n<b>第二行</b>');
      expect(await body.locator('b').count()).toBe(0);
      // An expression string: this file is compiled without the DOM library. The only body so far is this one.
      const whiteSpace = await page.evaluate(
        "getComputedStyle(document.querySelector('.timeline-body')).whiteSpace",
      );
      expect(whiteSpace).toBe('pre-wrap');

      // Add an order: a mistyped amount is refused at its field and nothing is sent.
      await page.getByRole('button', { name: '添加订单' }).click();
      const orderDialog = page.getByRole('dialog', { name: '添加订单' });
      await see(orderDialog);
      const amount = orderDialog.getByLabel('金额');
      await amount.fill('12abc');
      await orderDialog.getByRole('button', { name: '保存' }).click();
      await see(orderDialog.getByText('请输入金额，例如 1,299.50'));
      expect(await fieldMessage(amount, orderDialog)).toBe('请输入金额，例如 1,299.50');
      expect(orderCalls()).toEqual([]);
      await amount.fill('1,299.50');
      await orderDialog.getByLabel('产品或说明').fill('年度服务套餐');
      await orderDialog.getByRole('button', { name: '保存' }).click();
      await seeNoMore(orderDialog);
      expect(orderCalls()).toHaveLength(1);
      await see(timeline.getByRole('listitem').filter({ hasText: '¥1,299.50' }));

      // Newest first: the order, the conversation, the creation.
      const order = ['订单 · ¥1,299.50', '报价跟进', '创建了客户'];
      const texts = await timeline.getByRole('listitem').allTextContents();
      const positions = order.map((text) => texts.findIndex((item) => item.includes(text)));
      expect(positions).toEqual([0, 1, 2]);

      // The header follows: revenue, order count, a last contact today.
      await see(facts.filter({ hasText: '¥1,299.50' }));
      const revenue = page.locator('.stats div').filter({ hasText: '累计收入' });
      expect(await revenue.textContent()).toContain('¥1,299.50');
      expect(await page.locator('.stats div').filter({ hasText: '订单数' }).textContent()).toContain('1');
      expect(await page.locator('.stats div').filter({ hasText: '最近联系' }).textContent()).toContain(
        '今天',
      );

      // Filter the timeline to orders only.
      await page.getByRole('group', { name: '时间线显示' }).getByRole('button', { name: '订单' }).click();
      await seeNoMore(timeline.getByRole('listitem').filter({ hasText: '报价跟进' }));
      await see(timeline.getByRole('listitem').filter({ hasText: '¥1,299.50' }));

      // Typing the same phone for a new customer warns, and links to the existing one.
      await page.getByRole('link', { name: '全部客户' }).click();
      const second = page.getByRole('dialog', { name: '新建客户' });
      // The list binds its N shortcut in an effect after the page has painted: a press in between
      // reaches no listener, so press until the form opens (an open dialog ignores further presses).
      await expect
        .poll(async () => {
          await page.keyboard.press('n');
          return second.isVisible();
        })
        .toBe(true);
      await second.getByLabel('姓名').fill('韩梅梅');
      await second.getByLabel('电话', { exact: true }).fill('13800138000');
      await see(second.getByText('可能重复：李雷（电话相同）'));
      await second.getByRole('link', { name: '打开 李雷' }).click();
      await seeNoMore(second);
      await see(page.getByRole('heading', { name: '李雷', level: 1 }));

      // Feedback: a CSAT answer of 5 makes 100 %; NPS has no answers yet.
      const stat = (label: string) => page.locator('.stats div').filter({ hasText: label });
      expect(await stat('净推荐值').textContent()).toContain('暂无答复');
      await page.getByRole('button', { name: '添加反馈' }).click();
      const feedback = page.getByRole('dialog', { name: '添加反馈' });
      await feedback.getByLabel('评分').selectOption('5');
      await feedback.getByLabel('评论').fill('很满意');
      await feedback.getByRole('button', { name: '保存' }).click();
      await seeNoMore(feedback);
      await see(timeline.getByRole('listitem').filter({ hasText: '满意度 5 / 5' }));
      await see(stat('满意度').filter({ hasText: '100%' }));

      // The quick stage select changes the stage and the timeline says so.
      await page.getByLabel('阶段', { exact: true }).selectOption({ label: '成交客户' });
      await see(timeline.getByRole('listitem').filter({ hasText: '阶段从「未设置阶段」改为「成交客户」' }));

      // Delete the order from the timeline; revenue drops; Undo brings both back.
      const orderItem = timeline.getByRole('listitem').filter({ hasText: '订单 · ¥1,299.50' });
      await orderItem.getByRole('button', { name: '删除这笔订单' }).click();
      await seeNoMore(orderItem);
      await see(stat('累计收入').filter({ hasText: '¥0.00' }));
      const deleted = page.getByRole('listitem').filter({ hasText: '已删除订单' });
      await deleted.getByRole('button', { name: '撤销' }).click();
      await see(orderItem);
      await see(stat('累计收入').filter({ hasText: '¥1,299.50' }));

      // Edit in place: a bad second email and a non-number custom value are named at their own inputs.
      await page.getByRole('button', { name: '编辑', exact: true }).click();
      const edit = page.getByRole('dialog', { name: '编辑客户' });
      await see(edit);
      expect(await edit.getByLabel('会员号').inputValue()).toBe('VIP-001');
      expect(await edit.getByLabel('电话 2', { exact: true }).inputValue()).toBe('12345');
      await edit.getByLabel('邮箱', { exact: true }).fill('lilei@example.com');
      await edit.getByRole('button', { name: '添加邮箱' }).click();
      const secondEmail = edit.getByLabel('邮箱 2', { exact: true });
      await secondEmail.fill('lilei@');
      const yearly = edit.getByLabel('年采购量');
      await yearly.fill('很多');
      await edit.getByRole('button', { name: '保存' }).click();
      await see(edit.getByText('请输入数字'));
      expect(await fieldMessage(secondEmail, edit)).toBe('请输入有效的邮箱地址');
      expect(await fieldMessage(yearly, edit)).toBe('请输入数字');
      expect(await edit.getByLabel('邮箱', { exact: true }).getAttribute('aria-invalid')).toBeNull();
      await secondEmail.fill('li.lei@example.org');
      await yearly.fill('12');
      await edit.getByRole('button', { name: '保存' }).click();
      await seeNoMore(edit);
      await see(contacts.getByRole('listitem').filter({ hasText: 'li.lei@example.org' }));
      await see(page.getByRole('definition').filter({ hasText: '12' }));

      // A long history pages in: 50 at first, "show more" brings the older ones.
      const customerId = Number(/#\/customers\/(\d+)$/.exec(page.url())?.[1]);
      for (let day = 1; day <= 50; day += 1) {
        await call('conversations.create', {
          customerId,
          kind: 'note',
          occurredAt: `2025-01-${String((day % 28) + 1).padStart(2, '0')}T08:00:00+08:00`,
          subject: `旧记录 ${day}`,
        });
      }
      await page.reload();
      const items = timeline.getByRole('listitem');
      await see(items.filter({ hasText: '报价跟进' }));
      expect(await items.count()).toBe(50);
      await page.getByRole('button', { name: '显示更多' }).click();
      await seeNoMore(page.getByRole('button', { name: '显示更多' }));
      expect(await items.count()).toBe(55);
      expect(await items.last().textContent()).toContain('旧记录');

      expect(problems).toEqual([]);
    });
  }, 60_000);
});
