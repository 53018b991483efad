import { describe, expect, it } from 'vitest';
import { phrasebook } from '../../src-main/tasks/phrases';
import { notificationsFor } from '../../src-main/tasks/trayMenu';
import type { Task } from '../../src-shared/contract';
import { errorOf } from '../support/envelopes';
import { HOUR, MINUTE, reminderBackends } from '../support/reminderBackends';

/** Today in the fixture: Monday 2 March 2026; the clock starts at 08:00 Berlin. */
const TODAY = '2026-03-02';

describe('a reminder is delivered exactly once', () => {
  it('comes at its time, not a minute before, and only once however long the app runs', async () => {
    const app = reminderBackends();
    const { call } = app.open();
    const task = await call<Task>('tasks.create', { title: '回访张三', dueDate: TODAY, dueTime: '09:00' });
    app.advance(0);
    app.advance(59 * MINUTE);
    expect(app.deliveries).toEqual([]);
    app.advance(MINUTE);
    expect(app.deliveries).toEqual([
      {
        window: 'main',
        missed: 0,
        reminders: [expect.objectContaining({ taskId: task.id, title: '回访张三', allDay: false })],
      },
    ]);
    app.advance(5 * HOUR);
    app.advance(24 * HOUR);
    expect(app.deliveredTimes(task.id)).toBe(1);
    expect((await call<Task>('tasks.get', { id: task.id })).remindedAt).toBe('2026-03-02T08:00:00.000Z');
  });

  it('is not delivered again after a restart', async () => {
    const app = reminderBackends();
    const first = app.open();
    const task = await first.call<Task>('tasks.create', { title: 'Call', dueDate: TODAY, dueTime: '09:00' });
    app.advance(0);
    app.advance(HOUR);
    expect(app.deliveredTimes(task.id)).toBe(1);
    first.close();
    app.open();
    app.advance(0);
    app.advance(2 * HOUR);
    expect(app.deliveredTimes(task.id)).toBe(1);
  });

  it('falling due after a restart, it comes on time as an ordinary reminder', async () => {
    const app = reminderBackends();
    const first = app.open();
    const task = await first.call<Task>('tasks.create', { title: 'Call', dueDate: TODAY, dueTime: '09:00' });
    app.advance(30 * MINUTE);
    first.close();
    app.advance(10 * MINUTE);
    app.open();
    app.advance(0);
    expect(app.deliveries).toEqual([]);
    app.advance(20 * MINUTE);
    expect(app.deliveries).toEqual([expect.objectContaining({ missed: 0 })]);
    expect(app.deliveredTimes(task.id)).toBe(1);
  });

  it('two windows on one database never both deliver it', async () => {
    const app = reminderBackends();
    const a = app.open('A');
    app.open('B');
    const early = await a.call<Task>('tasks.create', { title: 'Early', dueDate: TODAY, dueTime: '09:00' });
    const late = await a.call<Task>('tasks.create', { title: 'Late', dueDate: TODAY, dueTime: '11:00' });
    app.advance(0);
    for (let minute = 0; minute < 4 * 60; minute++) app.advance(MINUTE);
    expect(app.deliveredTimes(early.id)).toBe(1);
    expect(app.deliveredTimes(late.id)).toBe(1);
    expect(app.deliveries).toHaveLength(2);
  });

  it('completing a repeating task arms the next occurrence’s own reminder, delivered once', async () => {
    const app = reminderBackends();
    const { call } = app.open();
    const task = await call<Task>('tasks.create', {
      title: 'Daily stand-up',
      dueDate: TODAY,
      dueTime: '09:00',
      rrule: 'FREQ=DAILY',
    });
    app.advance(0);
    app.advance(HOUR);
    const { next } = await call<{ next: Task }>('tasks.complete', { id: task.id });
    expect(next).toMatchObject({ dueDate: '2026-03-03', remindAt: '2026-03-03T08:00:00.000Z' });
    app.advance(23 * HOUR);
    app.advance(HOUR);
    expect(app.deliveredTimes(task.id)).toBe(1);
    expect(app.deliveredTimes(next.id)).toBe(1);
  });
});

describe('catching up on what fell due while SoloCRM was closed', () => {
  it('is one summary with the count, not one notification each', async () => {
    const app = reminderBackends();
    const first = app.open();
    const titles = ['报价跟进', '寄样品', '确认发票'];
    for (const [i, title] of titles.entries()) {
      await first.call('tasks.create', { title, dueDate: TODAY, dueTime: `1${i}:00` });
    }
    const tomorrow = await first.call<Task>('tasks.create', {
      title: 'Tomorrow',
      dueDate: '2026-03-03',
      dueTime: '09:00',
    });
    first.close();
    app.advance(7 * HOUR);
    app.open();
    app.advance(0);
    expect(app.deliveries).toHaveLength(1);
    expect(app.deliveries[0]!.missed).toBe(3);
    expect(app.deliveries[0]!.reminders.map((r) => r.title)).toEqual(titles);
    // The desktop turns that event into one notification.
    const shown = notificationsFor(app.deliveries[0]!.reminders, app.deliveries[0]!.missed, phrasebook('en'));
    expect(shown).toEqual([
      expect.objectContaining({
        title: phrasebook('en')('missedSummary', { count: 3 }),
        body: titles.join('\n'),
      }),
    ]);
    app.advance(18 * HOUR);
    expect(app.deliveries).toHaveLength(2);
    expect(app.deliveries[1]).toMatchObject({ missed: 0, reminders: [{ taskId: tomorrow.id }] });
  });
});

describe('snooze', () => {
  const snoozed = async (preset: string) => {
    const app = reminderBackends();
    const { call } = app.open();
    const task = await call<Task>('tasks.create', { title: 'Call', dueDate: TODAY, dueTime: '08:00' });
    return call<Task>('tasks.snooze', { id: task.id, preset });
  };

  it.each([
    ['10m', '2026-03-02T07:10:00.000Z'],
    ['1h', '2026-03-02T08:00:00.000Z'],
    // Tomorrow at the reminder time (Settings, 09:00 Berlin).
    ['tomorrow', '2026-03-03T08:00:00.000Z'],
    // From a Monday, next week is the Monday after.
    ['next_week', '2026-03-09T08:00:00.000Z'],
  ])('%s brings the reminder back at %s, leaving the due time alone', async (preset, remindAt) => {
    const task = await snoozed(preset);
    expect(task).toMatchObject({ remindAt, remindedAt: null, dueTime: '08:00', dueDate: TODAY });
  });

  it('next week from a Sunday is the next day, Monday', async () => {
    const app = reminderBackends({ start: Date.UTC(2026, 2, 8, 7, 0) });
    const { call } = app.open();
    const task = await call<Task>('tasks.create', { title: 'Call', dueDate: '2026-03-08' });
    expect((await call<Task>('tasks.snooze', { id: task.id, preset: 'next_week' })).remindAt).toBe(
      '2026-03-09T08:00:00.000Z',
    );
  });

  it('until an instant the owner picks; one in the past, or none at all, is refused and changes nothing', async () => {
    const app = reminderBackends();
    const { call, backend } = app.open();
    const task = await call<Task>('tasks.create', { title: 'Call', dueDate: TODAY, dueTime: '12:00' });
    expect(
      (await call<Task>('tasks.snooze', { id: task.id, until: '2026-03-02T15:45:00.000Z' })).remindAt,
    ).toBe('2026-03-02T15:45:00.000Z');
    const past = errorOf(
      await backend.dispatch('tasks.snooze', { id: task.id, until: '2026-03-02T06:59:00.000Z' }),
      'VALIDATION',
    );
    expect(past.issues).toEqual([expect.objectContaining({ path: 'until' })]);
    const neither = errorOf(await backend.dispatch('tasks.snooze', { id: task.id }), 'VALIDATION');
    expect(neither.issues).toEqual([expect.objectContaining({ path: 'preset' })]);
    expect((await call<Task>('tasks.get', { id: task.id })).remindAt).toBe('2026-03-02T15:45:00.000Z');
  });

  it('a snoozed reminder comes back after the snooze, once', async () => {
    const app = reminderBackends();
    const { call } = app.open();
    const task = await call<Task>('tasks.create', { title: 'Call', dueDate: TODAY, dueTime: '09:00' });
    app.advance(0);
    app.advance(HOUR);
    expect(app.deliveredTimes(task.id)).toBe(1);
    await call('tasks.snooze', { id: task.id, preset: '10m' });
    app.advance(9 * MINUTE);
    expect(app.deliveredTimes(task.id)).toBe(1);
    app.advance(MINUTE);
    expect(app.deliveredTimes(task.id)).toBe(2);
    app.advance(HOUR);
    expect(app.deliveredTimes(task.id)).toBe(2);
  });

  it('completing a snoozed task stops its reminder', async () => {
    const app = reminderBackends();
    const { call } = app.open();
    const task = await call<Task>('tasks.create', { title: 'Call', dueDate: TODAY, dueTime: '09:00' });
    app.advance(0);
    app.advance(HOUR);
    await call('tasks.snooze', { id: task.id, preset: '1h' });
    await call('tasks.complete', { id: task.id });
    app.advance(3 * HOUR);
    expect(app.deliveredTimes(task.id)).toBe(1);
    const done = errorOf(
      await app.open('other').backend.dispatch('tasks.snooze', { id: task.id, preset: '10m' }),
      'VALIDATION',
    );
    expect(done.issues).toEqual([expect.objectContaining({ path: 'id' })]);
  });
});
