import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { connect } from '../../src-main/db/connection';
import type { Customer, Deal, Task, TaskRule } from '../../src-shared/contract';
import { HOUR, MINUTE, reminderBackends } from '../support/reminderBackends';

const DAY = 24 * HOUR;
/** One automation pass: the scheduler looks for automatic follow-ups every five minutes. */
const PASS = 5 * MINUTE;

/** SoloCRM running with its starter rules (At Risk on, stale deals on, after-order off). */
async function running() {
  const app = reminderBackends();
  const window = app.open();
  const sqlite = connect(join(app.dir, 'solocrm.db'));
  onTestFinished(() => {
    sqlite.close();
  });
  const rule = async (kind: TaskRule['kind']) =>
    (await window.call<TaskRule[]>('taskRules.list')).find((r) => r.kind === kind)!;
  const ruleTasks = async () =>
    (await window.call<Task[]>('tasks.list', { status: 'all' })).filter((task) => task.origin === 'rule');
  const customer = (name: string) => window.call<Customer>('customers.create', { name });
  /** Where an analytics run puts a customer: the column it writes, set directly to choose who is in. */
  const segment = (customerId: number, key: string) =>
    sqlite.prepare('UPDATE customers SET segment = ? WHERE id = ?').run(key, customerId);
  return { app, ...window, rule, ruleTasks, customer, segment };
}

describe('rule: when a customer enters a segment', () => {
  it('the first run only notes who is there; a newcomer gets one follow-up, however often it runs', async () => {
    const { app, customer, segment, ruleTasks } = await running();
    const already = await customer('老客户');
    const newcomer = await customer('新客户');
    segment(already.id, 'at_risk');
    app.advance(PASS);
    expect(await ruleTasks()).toEqual([]);
    segment(newcomer.id, 'at_risk');
    app.advance(PASS);
    app.advance(PASS);
    app.open('second window');
    app.advance(PASS);
    expect(await ruleTasks()).toEqual([
      expect.objectContaining({
        customerId: newcomer.id,
        title: '跟进 新客户：已进入「有流失风险」',
        dueDate: '2026-03-04',
        priority: 'high',
      }),
    ]);
  });

  it('leaving and entering again is a new entry: another follow-up', async () => {
    const { app, customer, segment, ruleTasks } = await running();
    app.advance(0);
    const someone = await customer('张三');
    segment(someone.id, 'at_risk');
    app.advance(PASS);
    segment(someone.id, 'champions');
    app.advance(DAY);
    segment(someone.id, 'at_risk');
    app.advance(PASS);
    expect((await ruleTasks()).map((task) => [task.customerId, task.dueDate])).toEqual([
      [someone.id, '2026-03-04'],
      [someone.id, '2026-03-05'],
    ]);
  });

  it('turned off it does nothing; turned on again it starts afresh, with no backlog', async () => {
    const { app, call, customer, segment, rule, ruleTasks } = await running();
    app.advance(0);
    const atRisk = await rule('segment_entered');
    await call('taskRules.update', { id: atRisk.id, patch: { enabled: false } });
    const whileOff = await customer('关闭期间');
    segment(whileOff.id, 'at_risk');
    app.advance(PASS);
    expect(await ruleTasks()).toEqual([]);
    // Changing the days of a rule that is off leaves it off.
    expect(await call<TaskRule>('taskRules.update', { id: atRisk.id, patch: { days: 3 } })).toMatchObject({
      days: 3,
      enabled: false,
      segment: 'at_risk',
    });
    expect(
      (await call<TaskRule>('taskRules.update', { id: atRisk.id, patch: { enabled: true } })).enabled,
    ).toBe(true);
    app.advance(PASS);
    expect(await ruleTasks()).toEqual([]);
    const after = await customer('重新开启后');
    segment(after.id, 'at_risk');
    app.advance(PASS);
    expect((await ruleTasks()).map((task) => [task.customerId, task.dueDate])).toEqual([
      [after.id, '2026-03-05'],
    ]);
  });
});

describe('rule: a deal with no activity for N days', () => {
  it('reminds once per idle spell; activity and a new idle spell remind again', async () => {
    const { app, call, customer, ruleTasks } = await running();
    app.advance(0);
    const buyer = await customer('华辰贸易');
    const deal = await call<Deal>('deals.create', {
      customerId: buyer.id,
      title: '年度采购',
      valueCents: 1_200_000,
    });
    app.advance(13 * DAY);
    expect(await ruleTasks()).toEqual([]);
    app.advance(DAY + HOUR);
    app.advance(PASS);
    app.advance(DAY);
    expect(await ruleTasks()).toEqual([
      expect.objectContaining({
        dealId: deal.id,
        customerId: buyer.id,
        title: '销售机会「年度采购」已 14 天没有进展',
        dueDate: '2026-03-16',
      }),
    ]);
    await call('conversations.create', {
      customerId: buyer.id,
      kind: 'call',
      occurredAt: new Date(app.clock.now()).toISOString(),
    });
    app.advance(13 * DAY);
    expect(await ruleTasks()).toHaveLength(1);
    app.advance(DAY + HOUR);
    expect((await ruleTasks()).map((task) => task.dueDate)).toEqual(['2026-03-16', '2026-03-31']);
  });
});

describe('rule: after an order', () => {
  it('checks in N days after each order placed once the rule is on: no backlog for history', async () => {
    const { app, call, customer, rule, ruleTasks } = await running();
    app.advance(0);
    const buyer = await customer('李四');
    const order = (orderedAt: string) =>
      call('orders.create', { customerId: buyer.id, orderedAt, amountCents: 10_000 });
    await order('2026-03-01T10:00:00.000Z');
    const afterOrder = await rule('after_order');
    expect(afterOrder.enabled).toBe(false);
    app.advance(PASS);
    expect(await ruleTasks()).toEqual([]);
    await call('taskRules.update', { id: afterOrder.id, patch: { enabled: true } });
    app.advance(PASS);
    expect(await ruleTasks()).toEqual([]);
    // Imported history, written now but placed two years ago: no check-in for it.
    await order('2024-03-01T10:00:00.000Z');
    await order('2026-03-02T09:00:00.000Z');
    app.advance(PASS);
    app.advance(PASS);
    expect(await ruleTasks()).toEqual([
      expect.objectContaining({
        customerId: buyer.id,
        title: '回访 李四（2026-03-02 的订单）',
        dueDate: '2026-04-01',
      }),
    ]);
  });
});
