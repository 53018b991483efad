import { describe, expect, it } from 'vitest';
import type { Customer, Deal, Task } from '../../src-shared/contract';
import { errorOf } from '../support/envelopes';
import { useBackendCalls } from '../support/tempBackend';

/** The fake clock: 15 January 2026, 09:30 UTC (10:30 in Berlin). */
const zoned = (timeZone: string) => useBackendCalls({ timeZone });

describe('bad input is refused, naming the field, and nothing is written', () => {
  it.each([
    ['garbage', 'every monday'],
    ['more often than daily', 'FREQ=HOURLY'],
    ['a start inside the rule', 'DTSTART:20260301T090000Z\nRRULE:FREQ=DAILY'],
    ['a rule the library cannot expand', 'FREQ=WEEKLY;BYDAY=XX'],
  ])('an invalid repeat rule: %s', async (_what, rrule) => {
    const { call, dispatch } = zoned('Europe/Berlin');
    const error = errorOf(
      await dispatch('tasks.create', { title: 'x', dueDate: '2026-03-02', rrule }),
      'VALIDATION',
    );
    expect(error.issues).toEqual([expect.objectContaining({ path: 'rrule' })]);
    expect(await call('tasks.list', { status: 'all' })).toEqual([]);
  });

  it.each([
    ['after the due time of a timed task', { dueTime: '09:00', remindAt: '2026-03-02T08:01:00.000Z' }],
    ['after the due day of an all-day task', { remindAt: '2026-03-02T23:00:00.000Z' }],
  ])('a reminder %s', async (_what, fields) => {
    const { call, dispatch } = zoned('Europe/Berlin');
    const error = errorOf(
      await dispatch('tasks.create', { title: 'x', dueDate: '2026-03-02', ...fields }),
      'VALIDATION',
    );
    expect(error.issues).toEqual([expect.objectContaining({ path: 'remindAt' })]);
    expect(await call('tasks.list', { status: 'all' })).toEqual([]);
  });

  it('a reminder before the due time, or late on the all-day task’s day, is kept', async () => {
    const { call } = zoned('Europe/Berlin');
    const timed = await call<Task>('tasks.create', {
      title: 'x',
      dueDate: '2026-03-02',
      dueTime: '09:00',
      remindAt: '2026-03-02T07:45:00.000Z',
    });
    expect(timed.remindAt).toBe('2026-03-02T07:45:00.000Z');
    const allDay = await call<Task>('tasks.create', {
      title: 'y',
      dueDate: '2026-03-02',
      remindAt: '2026-03-02T22:59:00.000Z',
    });
    expect(allDay.remindAt).toBe('2026-03-02T22:59:00.000Z');
  });

  it.each([
    ['customerId', { customerId: 999 }],
    ['dealId', { dealId: 999 }],
    ['timeZone', { timeZone: 'Mars/Olympus_Mons' }],
  ])('an unknown %s', async (path, fields) => {
    const { call, dispatch } = zoned('Europe/Berlin');
    const error = errorOf(
      await dispatch('tasks.create', { title: 'x', dueDate: '2026-03-02', ...fields }),
      'VALIDATION',
    );
    expect(error.issues).toEqual([expect.objectContaining({ path })]);
    expect(await call('tasks.list', { status: 'all' })).toEqual([]);
  });

  it('a customer or deal in the trash is unknown too', async () => {
    const { call, dispatch } = zoned('Europe/Berlin');
    const customer = await call<Customer>('customers.create', { name: '张三' });
    const deal = await call<Deal>('deals.create', { customerId: customer.id, title: 'd', valueCents: 0 });
    await call('deals.delete', { id: deal.id });
    const error = errorOf(
      await dispatch('tasks.create', { title: 'x', dueDate: '2026-03-02', dealId: deal.id }),
      'VALIDATION',
    );
    expect(error.issues).toEqual([expect.objectContaining({ path: 'dealId' })]);
  });

  it('a due day in the past is allowed and shown overdue, without a reminder for the past', async () => {
    const { call } = zoned('Europe/Berlin');
    const task = await call<Task>('tasks.create', { title: '补寄发票', dueDate: '2026-01-10' });
    expect(task).toMatchObject({ overdue: true, remindedAt: expect.any(String) });
    expect((await call<{ overdue: Task[] }>('tasks.due')).overdue.map((t) => t.id)).toEqual([task.id]);
  });
});

describe('a weekly 09:00 follow-up stays at 09:00 on the owner’s clock across daylight saving', () => {
  it.each([
    // zone, the Monday before the change, the Monday after, UTC 09:00 before → after
    ['Europe/Berlin', '2026-03-23', '2026-03-30', '2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z'],
    ['America/New_York', '2026-03-02', '2026-03-09', '2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z'],
    ['America/New_York', '2026-10-26', '2026-11-02', '2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z'],
    ['Asia/Shanghai', '2026-03-23', '2026-03-30', '2026-03-23T01:00:00.000Z', '2026-03-30T01:00:00.000Z'],
  ])('%s: done on %s, the next is %s', async (zone, first, next, firstUtc, nextUtc) => {
    const { call } = zoned(zone);
    const task = await call<Task>('tasks.create', {
      title: 'Weekly review',
      dueDate: first,
      dueTime: '09:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
    });
    expect(task).toMatchObject({ dueAt: firstUtc, remindAt: firstUtc, timeZone: zone });
    const done = await call<{ next: Task }>('tasks.complete', { id: task.id });
    expect(done.next).toMatchObject({ dueDate: next, dueTime: '09:00', dueAt: nextUtc, remindAt: nextUtc });
  });

  it('a task at 02:30 on the night Berlin springs forward is due at 03:30', async () => {
    const { call } = zoned('Europe/Berlin');
    const task = await call<Task>('tasks.create', { title: 'x', dueDate: '2026-03-29', dueTime: '02:30' });
    expect(task.dueAt).toBe('2026-03-29T01:30:00.000Z');
  });

  it('a series that ends after N has no next occurrence after the last', async () => {
    const { call } = zoned('Europe/Berlin');
    let task = await call<Task>('tasks.create', {
      title: 'x',
      dueDate: '2026-03-02',
      rrule: 'FREQ=DAILY;COUNT=2',
    });
    const first = await call<{ next: Task | null }>('tasks.complete', { id: task.id });
    expect(first.next?.dueDate).toBe('2026-03-03');
    task = first.next!;
    expect((await call<{ next: Task | null }>('tasks.complete', { id: task.id })).next).toBeNull();
  });
});
