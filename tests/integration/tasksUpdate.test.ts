import { describe, expect, it } from 'vitest';
import type { Task } from '../../src-shared/contract';
import { errorOf } from '../support/envelopes';
import { useBackendCalls } from '../support/tempBackend';

/**
 * Editing a follow-up (tasks.update), as the edit dialog does. The fake clock: Thursday
 * 15 January 2026, 10:30 in Berlin. A repeating series is one row per occurrence and the next one
 * is copied from the open one when it is done (decision 56), so an edit of the open occurrence
 * carries on to the ones after it, and the occurrences already done keep what they were.
 */

const berlin = () => useBackendCalls({ timeZone: 'Europe/Berlin' });
type Done = { task: Task; next: Task | null };

/** A weekly Monday 09:00 series whose first occurrence (19 January) is done: returns the open second. */
async function weeklySeries(call: ReturnType<typeof berlin>['call']) {
  const first = await call<Task>('tasks.create', {
    title: 'Weekly review',
    dueDate: '2026-01-19',
    dueTime: '09:00',
    priority: 'normal',
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
  });
  const { next } = await call<Done>('tasks.complete', { id: first.id });
  expect(next?.dueDate).toBe('2026-01-26');
  return { first, second: next! };
}

describe('editing an open occurrence of a repeating follow-up', () => {
  it('changes its title, notes and priority, which the next occurrences carry; the done one keeps its own', async () => {
    const { call } = berlin();
    const { first, second } = await weeklySeries(call);
    const edited = await call<Task>('tasks.update', {
      id: second.id,
      patch: { title: 'Weekly review with Li Na', notes: 'Bring the price list', priority: 'high' },
    });
    expect(edited).toMatchObject({
      title: 'Weekly review with Li Na',
      notes: 'Bring the price list',
      priority: 'high',
      dueDate: '2026-01-26',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      seriesId: first.id,
    });
    const { next } = await call<Done>('tasks.complete', { id: second.id });
    expect(next).toMatchObject({
      dueDate: '2026-02-02',
      title: 'Weekly review with Li Na',
      notes: 'Bring the price list',
      priority: 'high',
      seriesId: first.id,
    });
    expect(await call<Task>('tasks.get', { id: first.id })).toMatchObject({
      title: 'Weekly review',
      notes: null,
      priority: 'normal',
    });
  });

  it('a new time carries on; a new day moves this occurrence only and the rule keeps its days', async () => {
    const { call } = berlin();
    const { second } = await weeklySeries(call);
    const moved = await call<Task>('tasks.update', {
      id: second.id,
      patch: { dueDate: '2026-01-27', dueTime: '10:30' },
    });
    expect(moved).toMatchObject({
      dueDate: '2026-01-27',
      dueTime: '10:30',
      dueAt: '2026-01-27T09:30:00.000Z',
    });
    const { next } = await call<Done>('tasks.complete', { id: second.id });
    expect(next).toMatchObject({
      dueDate: '2026-02-02',
      dueTime: '10:30',
      dueAt: '2026-02-02T09:30:00.000Z',
    });
  });

  it('a new repeat rule starts from this occurrence: COUNT counts it as the first', async () => {
    const { call } = berlin();
    const { first, second } = await weeklySeries(call);
    await call<Task>('tasks.update', { id: second.id, patch: { rrule: 'FREQ=DAILY;COUNT=2' } });
    const done = await call<Done>('tasks.complete', { id: second.id });
    expect(done.next).toMatchObject({ dueDate: '2026-01-27', rrule: 'FREQ=DAILY;COUNT=2' });
    expect((await call<Done>('tasks.complete', { id: done.next!.id })).next).toBeNull();
    expect((await call<Task>('tasks.get', { id: first.id })).rrule).toBe('FREQ=WEEKLY;BYDAY=MO');
  });

  it('no repeat any more: done, nothing follows', async () => {
    const { call } = berlin();
    const { second } = await weeklySeries(call);
    const single = await call<Task>('tasks.update', { id: second.id, patch: { rrule: null } });
    expect(single).toMatchObject({ rrule: null, seriesId: null });
    expect((await call<Done>('tasks.complete', { id: second.id })).next).toBeNull();
  });

  it('the whole task sent back unchanged but its title keeps the snooze and the series’ COUNT', async () => {
    const { call } = berlin();
    const first = await call<Task>('tasks.create', {
      title: 'Call daily',
      dueDate: '2026-01-16',
      dueTime: '09:00',
      rrule: 'FREQ=DAILY;COUNT=3',
    });
    const second = (await call<Done>('tasks.complete', { id: first.id })).next!;
    expect(second.dueDate).toBe('2026-01-17');
    const snoozed = await call<Task>('tasks.snooze', { id: second.id, until: '2026-01-16T15:00:00.000Z' });
    const edited = await call<Task>('tasks.update', {
      id: second.id,
      patch: {
        title: 'Call Li Na daily',
        dueDate: second.dueDate,
        dueTime: second.dueTime,
        priority: second.priority,
        notes: second.notes,
        rrule: second.rrule,
        remind: true,
      },
    });
    expect(edited).toMatchObject({ title: 'Call Li Na daily', remindAt: snoozed.remindAt, remindedAt: null });
    const third = (await call<Done>('tasks.complete', { id: second.id })).next!;
    expect(third).toMatchObject({ dueDate: '2026-01-18', title: 'Call Li Na daily' });
    // Three in all, counted from the series' first day, not again from the edited occurrence.
    expect((await call<Done>('tasks.complete', { id: third.id })).next).toBeNull();
  });
});

describe('an edit with bad input is refused, naming the field, and changes nothing', () => {
  it.each([
    ['an empty title', { title: '   ' }, 'patch.title'],
    ['a title too long', { title: 'x'.repeat(301) }, 'patch.title'],
    ['no real day', { dueDate: '2026-02-30' }, 'patch.dueDate'],
    ['no real time', { dueTime: '25:00' }, 'patch.dueTime'],
    ['an unknown priority', { priority: 'urgent' }, 'patch.priority'],
    ['a repeat more often than daily', { rrule: 'FREQ=HOURLY' }, 'patch.rrule'],
    ['a reminder after the due time', { remindAt: '2026-01-26T09:00:00.000Z' }, 'patch.remindAt'],
  ])('%s', async (_what, patch, path) => {
    const { call, dispatch } = berlin();
    const { second } = await weeklySeries(call);
    const error = errorOf(await dispatch('tasks.update', { id: second.id, patch }), 'VALIDATION');
    expect(error.issues).toEqual([expect.objectContaining({ path })]);
    expect(await call<Task>('tasks.get', { id: second.id })).toEqual(second);
  });
});
