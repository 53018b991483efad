import { describe, expect, it } from 'vitest';
import type { Customer, CustomerPage } from '../../src-shared/contract';
import { caller, errorOf } from '../support/envelopes';
import { CLOCK_START, useTempBackend } from '../support/tempBackend';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const iso = (epochMs: number) => new Date(epochMs).toISOString();

function setup() {
  const t = useTempBackend();
  const call = caller(() => t.backend);
  const list = (input: object = {}) => call<CustomerPage>('customers.list', input);
  return { t, call, list };
}

describe('customers.create and customers.get', () => {
  it('stores a customer with a UUID v7, trimmed text, null for blanks and timestamps from the clock', async () => {
    const { call } = setup();
    const created = await call<Customer>('customers.create', {
      name: '  张三 ',
      company: '',
      emails: ['zs@example.com'],
      phones: ['138 0013 8000'],
      notes: '第一行\n第二行',
    });
    expect(created).toMatchObject({
      id: expect.any(Number),
      uid: expect.stringMatching(UUID_V7),
      name: '张三',
      company: null,
      emails: ['zs@example.com'],
      phones: [{ value: '138 0013 8000', e164: '+8613800138000', valid: true }],
      city: null,
      notes: '第一行\n第二行',
      consent: 'unknown',
      tags: [],
      custom: {},
      stats: { revenueCents: 0, orderCount: 0, lastOrderAt: null, lastContactAt: null },
      createdAt: iso(CLOCK_START),
      updatedAt: iso(CLOCK_START),
      deletedAt: null,
    });
    expect(await call('customers.get', { id: created.id })).toEqual(created);
  });

  it('gives every customer its own id and uid', async () => {
    const { call } = setup();
    const a = await call<Customer>('customers.create', { name: 'Ann' });
    const b = await call<Customer>('customers.create', { name: 'Ann' });
    expect(a.id).not.toBe(b.id);
    expect(a.uid).not.toBe(b.uid);
  });
});

describe('customers.update', () => {
  it('changes only the fields in the patch and moves updatedAt', async () => {
    const { t, call } = setup();
    const created = await call<Customer>('customers.create', {
      name: 'Ann',
      company: 'ACME',
      city: 'Hangzhou',
    });
    t.clock.advance(60_000);
    const updated = await call<Customer>('customers.update', { id: created.id, patch: { name: 'Ann Lee' } });
    expect(updated).toEqual({ ...created, name: 'Ann Lee', updatedAt: iso(CLOCK_START + 60_000) });
    expect(await call('customers.get', { id: created.id })).toEqual(updated);
  });

  it("clearing a field with '' stores null", async () => {
    const { t, call } = setup();
    const created = await call<Customer>('customers.create', {
      name: 'Ann',
      company: 'ACME',
      emails: ['a@acme.cn'],
    });
    t.clock.advance(1000);
    const updated = await call<Customer>('customers.update', { id: created.id, patch: { company: '' } });
    expect(updated).toMatchObject({
      company: null,
      emails: ['a@acme.cn'],
      updatedAt: iso(CLOCK_START + 1000),
    });
    expect((await call<Customer>('customers.get', { id: created.id })).company).toBeNull();
  });
});

describe('customers.list', () => {
  async function fiveCustomers(call: ReturnType<typeof setup>['call'], advance: (ms: number) => void) {
    const ids: Record<string, number[]> = {};
    for (const name of ['Carol', 'Ann', 'Bob', 'Ann', 'Dave']) {
      advance(1000);
      const c = await call<Customer>('customers.create', { name });
      (ids[name] ??= []).push(c.id);
    }
    return ids;
  }

  it('defaults to the most recently updated first, with the total', async () => {
    const { t, call, list } = setup();
    await fiveCustomers(call, t.clock.advance);
    const page = await list();
    expect(page.total).toBe(5);
    expect(page.rows.map((c) => c.name)).toEqual(['Dave', 'Ann', 'Bob', 'Ann', 'Carol']);
    expect(page).toMatchObject({ offset: 0, limit: 100 });
  });

  it('sorts by name both ways, breaking ties the same way every time', async () => {
    const { t, call, list } = setup();
    const ids = await fiveCustomers(call, t.clock.advance);
    const [ann1, ann2] = ids.Ann as [number, number];
    const asc = await list({ sort: { field: 'name', direction: 'asc' } });
    expect(asc.rows.map((c) => c.name)).toEqual(['Ann', 'Ann', 'Bob', 'Carol', 'Dave']);
    expect(asc.rows.slice(0, 2).map((c) => c.id)).toEqual([ann1, ann2]);
    const desc = await list({ sort: { field: 'name', direction: 'desc' } });
    expect(desc.rows.map((c) => c.id)).toEqual([...asc.rows.map((c) => c.id)].reverse());
  });

  it('pages through every customer exactly once, with the same total on each page', async () => {
    const { t, call, list } = setup();
    await fiveCustomers(call, t.clock.advance);
    const sort = { field: 'name', direction: 'asc' } as const;
    const all = await list({ sort });
    const pages = await Promise.all([0, 2, 4, 6].map((offset) => list({ sort, offset, limit: 2 })));
    expect(pages.map((p) => p.rows.length)).toEqual([2, 2, 1, 0]);
    expect(pages.every((p) => p.total === 5)).toBe(true);
    expect(pages.flatMap((p) => p.rows.map((c) => c.id))).toEqual(all.rows.map((c) => c.id));
  });
});

describe('trash: customers.delete and customers.restore', () => {
  it('delete moves a customer to the trash; restore brings it back', async () => {
    const { t, call, list } = setup();
    const keep = await call<Customer>('customers.create', { name: 'Keep' });
    const gone = await call<Customer>('customers.create', { name: 'Gone' });
    t.clock.advance(5000);

    const deleted = await call<Customer>('customers.delete', { id: gone.id });
    expect(deleted.deletedAt).toBe(iso(CLOCK_START + 5000));
    const active = await list();
    expect(active.rows.map((c) => c.id)).toEqual([keep.id]);
    expect(active.total).toBe(1);
    const trash = await list({ view: 'trash' });
    expect(trash.rows).toEqual([expect.objectContaining({ id: gone.id, deletedAt: deleted.deletedAt })]);
    expect(trash.total).toBe(1);
    // Still readable by id, e.g. from an undo toast.
    expect(await call('customers.get', { id: gone.id })).toEqual(deleted);

    t.clock.advance(5000);
    const restored = await call<Customer>('customers.restore', { id: gone.id });
    expect(restored).toMatchObject({ name: 'Gone', deletedAt: null, createdAt: gone.createdAt });
    expect((await list()).total).toBe(2);
    expect(await list({ view: 'trash' })).toMatchObject({ rows: [], total: 0 });
  });

  it('lists the trash most recently deleted first', async () => {
    const { t, call, list } = setup();
    const a = await call<Customer>('customers.create', { name: 'A' });
    const b = await call<Customer>('customers.create', { name: 'B' });
    t.clock.advance(1000);
    await call('customers.delete', { id: b.id });
    t.clock.advance(1000);
    await call('customers.delete', { id: a.id });
    expect((await list({ view: 'trash' })).rows.map((c) => c.id)).toEqual([a.id, b.id]);
  });

  it('deleting again (say, from a second window) keeps the first deletion time', async () => {
    const { t, call } = setup();
    const c = await call<Customer>('customers.create', { name: 'Twice' });
    t.clock.advance(1000);
    const first = await call<Customer>('customers.delete', { id: c.id });
    t.clock.advance(86_400_000);
    const second = await call<Customer>('customers.delete', { id: c.id });
    expect(second.deletedAt).toBe(first.deletedAt);
  });
});

describe('an id that does not exist', () => {
  it.each([
    ['customers.get', { id: 999 }],
    ['customers.update', { id: 999, patch: { name: 'X' } }],
    ['customers.delete', { id: 999 }],
    ['customers.restore', { id: 999 }],
  ])('%s answers NOT_FOUND and creates nothing', async (channel, input) => {
    const { t, list } = setup();
    const error = errorOf(await t.backend.dispatch(channel, input), 'NOT_FOUND');
    expect(error.message).toContain('999');
    expect((await list()).total + (await list({ view: 'trash' })).total).toBe(0);
  });
});
