import { describe, expect, it } from 'vitest';
import type { Customer, KeepInTouch, Settings, Task } from '../../src-shared/contract';
import { HOUR, reminderBackends } from '../support/reminderBackends';

const DAY = 24 * HOUR;

/** SoloCRM running (reminders on, so its automatic follow-ups are written), with one customer. */
async function withCustomer(fields: Record<string, unknown> = {}, start?: number) {
  const app = reminderBackends({ start });
  const window = app.open();
  const customer = await window.call<Customer>('customers.create', { name: '王芳', ...fields });
  app.advance(0);
  const tasks = (origin: Task['origin']) =>
    window
      .call<Task[]>('tasks.list', { status: 'all' })
      .then((list) => list.filter((task) => task.origin === origin));
  return { app, ...window, customer, tasks };
}

describe('keep in touch', () => {
  it('is next due every N days after the last conversation, or after the customer was added', async () => {
    const { call, customer } = await withCustomer();
    expect(await call<KeepInTouch>('keepInTouch.set', { customerId: customer.id, everyDays: 7 })).toEqual({
      customerId: customer.id,
      everyDays: 7,
      nextDue: '2026-03-09',
    });
    await call('conversations.create', {
      customerId: customer.id,
      kind: 'call',
      occurredAt: '2026-03-05T10:00:00.000Z',
    });
    expect((await call<KeepInTouch>('keepInTouch.get', { customerId: customer.id })).nextDue).toBe(
      '2026-03-12',
    );
    expect(await call<KeepInTouch>('keepInTouch.set', { customerId: customer.id, everyDays: null })).toEqual({
      customerId: customer.id,
      everyDays: null,
      nextDue: null,
    });
  });

  it('many cadences falling due at once become their follow-ups in one change: the Today page refreshes once, not once per task', async () => {
    const app = reminderBackends();
    const { backend, call } = app.open();
    for (let i = 0; i < 30; i++) {
      const customer = await call<Customer>('customers.create', { name: `客户${i}` });
      await call('keepInTouch.set', { customerId: customer.id, everyDays: 7 });
    }
    app.advance(6 * DAY);
    let taskChanges = 0;
    backend.subscribe((event) => {
      if (event.type === 'data.changed' && event.payload.entity === 'tasks') taskChanges++;
    });
    app.advance(DAY);
    const written = (await call<Task[]>('tasks.list', { status: 'all' })).filter(
      (task) => task.origin === 'keep_in_touch',
    );
    expect(written).toHaveLength(30);
    // One for the pass that wrote all 30, one for the new day the scheduler announces.
    expect(taskChanges).toBeLessThanOrEqual(2);
  });

  it('an overdue cadence becomes exactly one follow-up, however often and in however many windows it is looked at', async () => {
    const { app, call, customer, tasks } = await withCustomer();
    await call('keepInTouch.set', { customerId: customer.id, everyDays: 7 });
    app.advance(6 * DAY);
    expect(await tasks('keep_in_touch')).toEqual([]);
    app.advance(DAY);
    app.open('second window');
    for (let day = 0; day < 5; day++) app.advance(DAY);
    expect(await tasks('keep_in_touch')).toEqual([
      expect.objectContaining({
        title: '保持联系：王芳',
        customerId: customer.id,
        dueDate: '2026-03-09',
        doneAt: null,
      }),
    ]);
  });

  it('logging a conversation moves the due day and closes the follow-up asking for it', async () => {
    const { app, call, customer, tasks } = await withCustomer();
    await call('keepInTouch.set', { customerId: customer.id, everyDays: 7 });
    app.advance(8 * DAY);
    const [open] = await tasks('keep_in_touch');
    expect(open).toMatchObject({ dueDate: '2026-03-09', doneAt: null, overdue: true });
    await call('conversations.create', {
      customerId: customer.id,
      kind: 'wechat',
      occurredAt: '2026-03-10T06:00:00.000Z',
    });
    app.advance(10_000);
    expect(await tasks('keep_in_touch')).toEqual([
      expect.objectContaining({ id: open!.id, doneAt: expect.any(String) }),
    ]);
    expect((await call<KeepInTouch>('keepInTouch.get', { customerId: customer.id })).nextDue).toBe(
      '2026-03-17',
    );
    // The next one comes when the new day does, once.
    app.advance(7 * DAY);
    expect((await tasks('keep_in_touch')).map((task) => [task.dueDate, task.doneAt === null])).toEqual([
      ['2026-03-09', false],
      ['2026-03-17', true],
    ]);
  });
});

describe('birthdays', () => {
  /** 20 February of `year`, 08:00 Berlin. */
  const feb20 = (year: number) => Date.UTC(year, 1, 20, 7, 0);

  it.each([
    [2027, '2027-02-25', '02-28'],
    [2028, '2028-02-26', '02-29'],
  ])(
    'born on 29 February: in %i the greeting is due 3 days before %s, with a draft, once',
    async (year, due, birthday) => {
      const { app, tasks } = await withCustomer({ birthday: '1992-02-29' }, feb20(year));
      const remindOn = Date.parse(`${due}T00:00:00Z`);
      app.advance(remindOn - feb20(year) - DAY);
      expect(await tasks('birthday')).toEqual([]);
      app.advance(DAY + 8 * HOUR);
      app.open('second window');
      app.advance(DAY);
      expect(await tasks('birthday')).toEqual([
        expect.objectContaining({
          title: `生日祝福：王芳（${birthday}）`,
          dueDate: due,
          notes: expect.stringContaining('王芳，生日快乐'),
        }),
      ]);
    },
  );

  it('a birthday early in January is greeted in late December (the window crosses the year)', async () => {
    const { app, tasks } = await withCustomer({ birthday: '1990-01-02' }, Date.UTC(2026, 11, 25, 7, 0));
    // Reminded 3 days before: nothing on 25 December, the greeting on 30 December for 2 January.
    expect(await tasks('birthday')).toEqual([]);
    app.advance(5 * DAY);
    expect(await tasks('birthday')).toEqual([
      expect.objectContaining({ title: '生日祝福：王芳（01-02）', dueDate: '2026-12-30' }),
    ]);
  });

  it('N days before, as set; in English when the owner chose English; none when turned off', async () => {
    const { app, call, tasks } = await withCustomer({ birthday: '1985-03-20' });
    await call<Settings>('settings.update', { birthdayReminderDays: 10, language: 'en' });
    app.advance(8 * DAY);
    expect(await tasks('birthday')).toEqual([
      expect.objectContaining({
        title: 'Birthday greeting: 王芳 (03-20)',
        dueDate: '2026-03-10',
        notes: expect.stringContaining('Happy birthday, 王芳!'),
      }),
    ]);

    const off = await withCustomer({ birthday: '1985-03-20' });
    await off.call('settings.update', { birthdayReminderDays: null });
    off.app.advance(20 * DAY);
    expect(await off.tasks('birthday')).toEqual([]);
  });
});
