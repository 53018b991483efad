import { describe, expect, it } from 'vitest';
import type { ChannelOutput, DueTasks, Task } from '../../src-shared/contract';
import { solocrmIn } from '../support/cliRun';
import { tempDir } from '../support/tempBackend';

/**
 * The CLI runs on the real clock and the machine's zone (this process's TZ), so days are
 * written relative to today on that clock.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const dayFromToday = (days: number) => {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

async function withCustomer() {
  const dir = tempDir();
  const solocrm = solocrmIn(dir);
  expect((await solocrm('customers', 'add', '--name', '张三')).code).toBe(0);
  const add = async (...args: string[]) => {
    const run = await solocrm('tasks', 'add', ...args, '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(run.stdout) as Task;
  };
  const list = async (...args: string[]) =>
    JSON.parse((await solocrm('tasks', 'list', ...args, '--json')).stdout) as Task[];
  return { solocrm, add, list };
}

describe('solocrm tasks add', () => {
  it('a day is all day; a day and time is that wall time on this computer’s clock', async () => {
    const { add } = await withCustomer();
    const allDay = await add('--title', '寄样品', '--due', '2099-03-05', '--customer', '1');
    expect(allDay).toMatchObject({
      dueDate: '2099-03-05',
      dueTime: null,
      customerName: '张三',
      overdue: false,
    });
    const timed = await add('--title', 'Call', '--due', '2099-03-05T14:30', '--priority', 'high');
    expect(timed).toMatchObject({ dueDate: '2099-03-05', dueTime: '14:30', priority: 'high' });
    expect(timed.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    // 14:30 on this machine's clock.
    expect(new Date(timed.dueAt).getHours()).toBe(14);
    expect(new Date(timed.dueAt).getMinutes()).toBe(30);
  });

  it('prints what it added; a day in the past is added and said to be overdue', async () => {
    const { solocrm } = await withCustomer();
    const run = await solocrm(
      'tasks',
      'add',
      '--title',
      '补寄发票',
      '--due',
      '2020-01-02',
      '--customer',
      '1',
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('Added follow-up #1 "补寄发票" · 张三 (#1), due 2020-01-02 (overdue)');
  });

  it.each([
    ['a due that is not a day', ['--title', 'x', '--due', 'tomorrow'], '--due: "tomorrow" is not a day'],
    ['no due at all', ['--title', 'x'], '--due:'],
    [
      'an unknown customer',
      ['--title', 'x', '--due', '2099-01-01', '--customer', '9'],
      '--customer: Customer 9 does not exist',
    ],
    [
      'a repeat more often than daily',
      ['--title', 'x', '--due', '2099-01-01', '--rrule', 'FREQ=HOURLY'],
      '--rrule: Repeat daily',
    ],
    ['an unknown priority', ['--title', 'x', '--due', '2099-01-01', '--priority', 'urgent'], '--priority:'],
  ])('refuses %s, naming the flag, and adds nothing', async (_what, args, message) => {
    const { solocrm, list } = await withCustomer();
    const run = await solocrm('tasks', 'add', ...args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(await list('--status', 'all')).toEqual([]);
  });
});

describe('solocrm tasks due, list, done, snooze', () => {
  it('due: overdue, today and the next 7 days', async () => {
    const { solocrm, add } = await withCustomer();
    await add('--title', 'Late', '--due', dayFromToday(-2));
    await add('--title', 'Now', '--due', dayFromToday(0), '--customer', '1');
    await add('--title', 'Soon', '--due', dayFromToday(3));
    await add('--title', 'Later', '--due', dayFromToday(30));
    const due = JSON.parse((await solocrm('tasks', 'due', '--json')).stdout) as DueTasks;
    expect([due.overdue, due.dueToday, due.upcoming].map((tasks) => tasks.map((t) => t.title))).toEqual([
      ['Late'],
      ['Now'],
      ['Soon'],
    ]);
    const text = (await solocrm('tasks', 'due')).stdout;
    expect(text).toMatch(/^Overdue: 1\n/);
    expect(text).toContain(`Today (${dayFromToday(0)}): 1`);
    expect(text).toContain('Next 7 days: 1');
    expect(text).not.toContain('Later');
  });

  it('done prints the next occurrence of a repeating task; list --status tells open from done', async () => {
    const { solocrm, add, list } = await withCustomer();
    const weekly = await add(
      '--title',
      '周报',
      '--due',
      '2099-03-02T09:00',
      '--rrule',
      'FREQ=WEEKLY;BYDAY=MO',
    );
    const run = await solocrm('tasks', 'done', String(weekly.id));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        'Done: #1 "周报", due 2099-03-02 09:00 (repeats FREQ=WEEKLY;BYDAY=MO)',
        'Next: #2 "周报", due 2099-03-09 09:00 (repeats FREQ=WEEKLY;BYDAY=MO)',
      ].join('\n'),
    );
    expect((await list()).map((t) => t.id)).toEqual([2]);
    expect((await list('--status', 'done')).map((t) => t.id)).toEqual([1]);
    expect((await list('--status', 'all')).map((t) => t.id)).toEqual([1, 2]);
    const again = await solocrm('tasks', 'done', '1');
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('already done') });
    expect((await solocrm('tasks', 'done', 'abc')).stderr).toContain('"abc" is not a task id');
  });

  it('snooze moves the reminder to the preset and says when', async () => {
    const { solocrm, add } = await withCustomer();
    const task = await add('--title', 'Call', '--due', '2099-03-02T09:00');
    const run = await solocrm('tasks', 'snooze', String(task.id), 'tomorrow', '--json');
    const snoozed = JSON.parse(run.stdout) as ChannelOutput<'tasks.snooze'>;
    expect(new Date(snoozed.remindAt!).getHours()).toBe(9);
    expect(new Date(snoozed.remindAt!).getDate()).toBe(Number(dayFromToday(1).slice(8)));
    const text = await solocrm('tasks', 'snooze', String(task.id), '1h');
    expect(text.stdout).toMatch(/^Snoozed #1 "Call": reminds again \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect((await solocrm('tasks', 'snooze', '1', 'later')).code).toBe(2);
  });

  it('list --status takes open, done or all', async () => {
    const { solocrm } = await withCustomer();
    const run = await solocrm('tasks', 'list', '--status', 'closed');
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('--status takes open, done, all') });
  });
});
