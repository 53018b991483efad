import { describe, expect, it } from 'vitest';
import type { Customer, CustomerPage, SearchHit, Tag } from '../../src-shared/contract';
import { caller, errorOf } from '../support/envelopes';
import { useTempBackend } from '../support/tempBackend';

/**
 * Undo and hidden data must never eat a change the owner made afterwards: the cases a review found
 * where a later edit was silently lost.
 */
function setup() {
  const t = useTempBackend();
  const call = caller(() => t.backend);
  const add = (fields: object) => call<Customer>('customers.create', fields);
  const get = (id: number) => call<Customer>('customers.get', { id });
  const later = () => t.clock.advance(60_000);
  return { t, call, add, get, later };
}

describe('undo keeps what was changed after the batch', () => {
  it('bulk stage: a customer set by hand afterwards keeps the hand-set stage; the others go back', async () => {
    const { call, add, get, later } = setup();
    const a = await add({ name: 'A', stage: 'lead' });
    const b = await add({ name: 'B', stage: 'lead' });
    const { batchId } = await call<{ batchId: number }>('customers.bulk', {
      target: { ids: [a.id, b.id] },
      action: { type: 'setStage', stage: 'customer' },
    });
    later();
    await call('customers.update', { id: a.id, patch: { stage: 'loyal' } });
    expect(await call('batches.undo', { batchId })).toMatchObject({ restored: 1 });
    expect((await get(a.id)).stage).toBe('loyal');
    expect((await get(b.id)).stage).toBe('lead');
  });

  it('bulk trash: a customer deleted again since (here: merged away) stays in the trash', async () => {
    const { call, add, later } = setup();
    const a = await add({ name: 'Ann', phones: ['13800138000'] });
    const b = await add({ name: 'Ann Lee', phones: ['138 0013 8000'] });
    const { batchId } = await call<{ batchId: number }>('customers.bulk', {
      target: { ids: [b.id] },
      action: { type: 'trash' },
    });
    later();
    await call('customers.restore', { id: b.id });
    later();
    await call('customers.merge', { keepId: a.id, mergeId: b.id });
    later();
    expect(await call('batches.undo', { batchId })).toMatchObject({ restored: 0 });
    const active = await call<CustomerPage>('customers.list', {});
    expect(active.rows.map((row) => row.name)).toEqual(['Ann']);
  });

  it('merge: an edit of the kept record after the merge makes undo a CONFLICT, and nothing is lost', async () => {
    const { t, call, add, get, later } = setup();
    const a = await add({ name: 'Ann', emails: ['ann@example.com'] });
    const b = await add({ name: 'Ann', emails: ['ann@work.cn'] });
    const { batchId } = await call<{ batchId: number }>('customers.merge', { keepId: a.id, mergeId: b.id });
    later();
    const edited = await call<Customer>('customers.update', {
      id: a.id,
      patch: { notes: 'important note after merge', stage: 'loyal' },
    });
    const error = errorOf(await t.backend.dispatch('batches.undo', { batchId }), 'CONFLICT');
    expect(error.message).toContain('changed after the merge');
    expect(await get(a.id)).toEqual(edited);
    expect((await get(b.id)).deletedAt).not.toBeNull();
  });

  it('merge: undo right after the merge still puts both records back', async () => {
    const { call, add, get } = setup();
    const a = await add({ name: 'Ann', emails: ['ann@example.com'] });
    const b = await add({ name: 'Ann', emails: ['ann@work.cn'] });
    const { batchId } = await call<{ batchId: number }>('customers.merge', { keepId: a.id, mergeId: b.id });
    await call('batches.undo', { batchId });
    expect(await get(a.id)).toMatchObject({ emails: ['ann@example.com'], deletedAt: null });
    expect(await get(b.id)).toMatchObject({ emails: ['ann@work.cn'], deletedAt: null });
  });
});

describe('hidden tags survive edits', () => {
  it('saving a customer while one of its tags is deleted keeps that tag for when it is restored', async () => {
    const { call, add, get } = setup();
    const vip = await call<Tag>('tags.create', { name: 'VIP', color: '#aa3300' });
    const c = await add({ name: 'C', tagIds: [vip.id] });
    await call('tags.delete', { id: vip.id });
    // The form sends the tags it shows: none, since VIP is hidden.
    await call('customers.update', { id: c.id, patch: { notes: 'called today', tagIds: [] } });
    await call('tags.restore', { id: vip.id });
    expect((await get(c.id)).tags.map((tag) => tag.name)).toEqual(['VIP']);
  });
});

describe('a merge never produces a record the form cannot save', () => {
  it('refuses when the two records together have more than 10 emails, naming emails, and writes nothing', async () => {
    const { t, add, get } = setup();
    const emails = (prefix: string) => Array.from({ length: 6 }, (_, i) => `${prefix}${i}@example.com`);
    const a = await add({ name: 'Ann', emails: emails('a') });
    const b = await add({ name: 'Ann', emails: emails('b') });
    const error = errorOf(
      await t.backend.dispatch('customers.merge', { keepId: a.id, mergeId: b.id }),
      'VALIDATION',
    );
    expect(error.issues).toEqual([expect.objectContaining({ path: 'emails', code: 'too_long' })]);
    expect(await get(a.id)).toEqual(a);
    expect((await get(b.id)).deletedAt).toBeNull();
  });
});

describe('search input that is not text', () => {
  it('a NUL or other control character in the query is ignored, not an INTERNAL error', async () => {
    const { call, add } = setup();
    await add({ name: 'Anna Li' });
    const result = await call<{ hits: SearchHit[] }>('customers.search', { query: 'an\u0000na' });
    expect(result.hits).toEqual([]);
    const tabbed = await call<{ hits: SearchHit[] }>('customers.search', { query: 'anna\tli' });
    expect(tabbed.hits.map((hit) => hit.customer.name)).toEqual(['Anna Li']);
  });
});
