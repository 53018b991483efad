import { describe, expect, it } from 'vitest';
import { phrasebook } from '../../src-main/tasks/phrases';
import { buildTrayModel, notificationsFor, type TrayItem } from '../../src-main/tasks/trayMenu';
import type { DueTasks, Task } from '../../src-shared/contract';
import { followUp } from '../support/followUp';

const due = (overdue: Task[], dueToday: Task[], upcoming: Task[] = []): DueTasks => ({
  today: '2026-03-02',
  overdue,
  dueToday,
  upcoming,
});
const en = phrasebook('en');
const zh = phrasebook('zh-CN');
const labels = (items: TrayItem[]) => items.map((item) => ('label' in item ? item.label : '—'));

describe('the tray menu', () => {
  it('lists overdue, then today, with counts, then the app’s own entries; the week ahead is not in it', () => {
    const model = buildTrayModel(
      due(
        [followUp({ id: 1, title: '补寄发票', dueDate: '2026-02-27', customerName: '张三' })],
        [followUp({ id: 2, title: 'Call back', dueTime: '14:30' })],
        [followUp({ id: 3, title: 'Next week', dueDate: '2026-03-05' })],
      ),
      en,
      '09:00',
    );
    expect(labels(model.items)).toEqual([
      'Overdue (1)',
      '02-27  补寄发票 · 张三',
      '—',
      'Today (1)',
      '14:30  Call back',
      '—',
      'Quick log a conversation…',
      'Open SoloCRM',
      '—',
      'Quit SoloCRM',
    ]);
    // The wording is the phrasebook's; what matters here is that it is that phrase, with the count.
    expect(model).toMatchObject({ tooltip: en('trayTooltip', { count: 2 }), badge: '2' });
    expect(model.tooltip).toMatch(/\b2\b/);
  });

  it('each task opens, is done, or snoozes 10 min / 1 h / tomorrow at the reminder time / next week', () => {
    const model = buildTrayModel(due([], [followUp({ id: 7, customerId: 4 })]), en, '08:30');
    const task = model.items[1] as Extract<TrayItem, { kind: 'submenu' }>;
    expect(task.items.slice(0, 2)).toEqual([
      { kind: 'action', label: 'Open', action: { type: 'openTask', taskId: 7, customerId: 4 } },
      { kind: 'action', label: 'Done', action: { type: 'complete', taskId: 7 } },
    ]);
    const snooze = task.items[2] as Extract<TrayItem, { kind: 'submenu' }>;
    expect(snooze.label).toBe('Snooze');
    expect(snooze.items).toEqual([
      { kind: 'action', label: '10 minutes', action: { type: 'snooze', taskId: 7, preset: '10m' } },
      { kind: 'action', label: '1 hour', action: { type: 'snooze', taskId: 7, preset: '1h' } },
      { kind: 'action', label: 'Tomorrow 08:30', action: { type: 'snooze', taskId: 7, preset: 'tomorrow' } },
      { kind: 'action', label: 'Next week', action: { type: 'snooze', taskId: 7, preset: 'next_week' } },
    ]);
  });

  it('shows 8 tasks a section and "N more…" opening Today', () => {
    const many = Array.from({ length: 11 }, (_, i) => followUp({ id: i + 1, title: `T${i + 1}` }));
    const model = buildTrayModel(due([], many), en, '09:00');
    const section = model.items.slice(
      0,
      model.items.findIndex((item) => item.kind === 'separator'),
    );
    expect(section).toHaveLength(1 + 8 + 1);
    expect(section[0]).toEqual({ kind: 'header', label: 'Today (11)' });
    expect(section.at(-1)).toEqual({ kind: 'action', label: '3 more…', action: { type: 'openToday' } });
    expect(model.badge).toBe('11');
  });

  it('with nothing due: no sections, no badge, a calm tooltip; in Chinese by default', () => {
    const model = buildTrayModel(due([], [], [followUp({ dueDate: '2026-03-04' })]), zh, '09:00');
    expect(model).toMatchObject({ tooltip: 'SoloCRM — 今天没有到期的跟进', badge: '' });
    expect(labels(model.items)).toEqual(['快速记录沟通…', '打开 SoloCRM', '—', '退出 SoloCRM']);
    expect(phrasebook(null)('trayQuit')).toBe('退出 SoloCRM');
  });

  it('speaks Chinese when asked', () => {
    const model = buildTrayModel(due([followUp({ id: 1 })], [followUp({ id: 2 })]), zh, '09:00');
    expect(model.tooltip).toBe('SoloCRM — 今天有 2 条跟进');
    expect(labels(model.items).slice(0, 4)).toEqual(['已逾期 (1)', '03-02  Follow up', '—', '今天 (1)']);
    const snooze = (model.items[1] as Extract<TrayItem, { kind: 'submenu' }>).items[2] as Extract<
      TrayItem,
      { kind: 'submenu' }
    >;
    expect(labels(snooze.items)).toEqual(['10 分钟后', '1 小时后', '明天 09:00', '下周']);
  });
});

describe('notifications', () => {
  const reminders = [
    { taskId: 1, title: '报价跟进', customerId: 3, customerName: '张三' },
    { taskId: 2, title: 'Send samples', customerId: null, customerName: null },
  ];

  it('one per reminder due now, naming the customer; a click opens the task', () => {
    expect(notificationsFor(reminders, 0, en)).toEqual([
      {
        title: 'Follow-up due',
        body: '报价跟进 · 张三',
        action: { type: 'openTask', taskId: 1, customerId: 3 },
      },
      {
        title: 'Follow-up due',
        body: 'Send samples',
        action: { type: 'openTask', taskId: 2, customerId: null },
      },
    ]);
    expect(notificationsFor(reminders.slice(0, 1), 0, zh)[0]!.title).toBe('跟进到期');
  });

  it('what fell due while closed is one summary, its first five titles, opening Today', () => {
    expect(zh('missedSummary', { count: 7 })).toContain('7');
    const seven = Array.from({ length: 7 }, (_, i) => ({ ...reminders[1]!, taskId: i, title: `T${i}` }));
    expect(notificationsFor(seven, 7, zh)).toEqual([
      { title: zh('missedSummary', { count: 7 }), body: 'T0\nT1\nT2\nT3\nT4', action: { type: 'openToday' } },
    ]);
  });
});
