import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CustomerRecords } from '../../src-main/customers/records';
import { customerFields, type Customer, type CustomerPage, type Tag } from '../../src-shared/contract';
import { caller, errorOf } from '../support/envelopes';
import { useTempBackend, type TempBackend } from '../support/tempBackend';

interface BulkResult {
  batchId: number;
  affected: number;
}

function setup() {
  const t = useTempBackend();
  const call = caller(() => t.backend);
  const bulk = (input: object) => call<BulkResult>('customers.bulk', input);
  const get = (id: number) => call<Customer>('customers.get', { id });
  return { t, call, bulk, get };
}

/** The timeline rows as stored (the timeline channel belongs to another part of the app). */
function eventsOf(
  t: TempBackend,
): { customerId: number; kind: string; data: unknown; batchId: number | null }[] {
  const sqlite = new Database(t.dbFile, { readonly: true });
  try {
    const rows = sqlite
      .prepare(
        `SELECT customer_id AS customerId, kind, data, batch_id AS batchId FROM customer_events
         WHERE kind != 'created' ORDER BY id`,
      )
      .all() as { customerId: number; kind: string; data: string; batchId: number | null }[];
    return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as unknown }));
  } finally {
    sqlite.close();
  }
}

describe('customers.bulk: set stage', () => {
  it('sets the stage on picked customers; undo puts each back to its own previous stage', async () => {
    const { t, call, bulk, get } = setup();
    const lead = await call<Customer>('customers.create', { name: 'Ann', stage: 'lead' });
    const prospect = await call<Customer>('customers.create', { name: 'Bob', stage: 'prospect' });
    const none = await call<Customer>('customers.create', { name: 'Cai' });
    const ids = [lead.id, prospect.id, none.id];

    const result = await bulk({ target: { ids }, action: { type: 'setStage', stage: 'loyal' } });
    expect(result).toEqual({ batchId: expect.any(Number), affected: 3 });
    for (const id of ids) expect((await get(id)).stage).toBe('loyal');
    expect(eventsOf(t)).toEqual([
      {
        customerId: lead.id,
        kind: 'stage_changed',
        data: { from: 'lead', to: 'loyal' },
        batchId: result.batchId,
      },
      {
        customerId: prospect.id,
        kind: 'stage_changed',
        data: { from: 'prospect', to: 'loyal' },
        batchId: result.batchId,
      },
      {
        customerId: none.id,
        kind: 'stage_changed',
        data: { from: null, to: 'loyal' },
        batchId: result.batchId,
      },
    ]);

    expect(await call('batches.undo', { batchId: result.batchId })).toEqual({
      batchId: result.batchId,
      restored: 3,
    });
    expect((await get(lead.id)).stage).toBe('lead');
    expect((await get(prospect.id)).stage).toBe('prospect');
    expect((await get(none.id)).stage).toBeNull();
    expect(eventsOf(t)).toEqual([]);

    const again = errorOf(await t.backend.dispatch('batches.undo', { batchId: result.batchId }), 'CONFLICT');
    expect(again.message).toMatch(/already undone/);
    expect((await get(lead.id)).stage).toBe('lead');
  });

  it('counts only customers whose stage really changes', async () => {
    const { call, bulk } = setup();
    const a = await call<Customer>('customers.create', { name: 'Ann', stage: 'loyal' });
    const b = await call<Customer>('customers.create', { name: 'Bob', stage: 'lead' });
    const result = await bulk({
      target: { ids: [a.id, b.id] },
      action: { type: 'setStage', stage: 'loyal' },
    });
    expect(result.affected).toBe(1);
  });

  it('refuses a stage that is not in Settings: VALIDATION naming action.stage, nothing changed', async () => {
    const { t, call, get } = setup();
    const ann = await call<Customer>('customers.create', { name: 'Ann', stage: 'lead' });
    const error = errorOf(
      await t.backend.dispatch('customers.bulk', {
        target: { ids: [ann.id] },
        action: { type: 'setStage', stage: 'vip' },
      }),
      'VALIDATION',
    );
    expect(error.issues).toEqual([expect.objectContaining({ path: 'action.stage', code: 'option' })]);
    expect((await get(ann.id)).stage).toBe('lead');
    expect(eventsOf(t)).toEqual([]);
  });
});

describe('customers.bulk: tags', () => {
  it('adds a tag; undo removes it only from those who gained it', async () => {
    const { t, call, bulk, get } = setup();
    const vip = await call<Tag>('tags.create', { name: 'VIP', color: '#ff0000' });
    const had = await call<Customer>('customers.create', { name: 'Ann', tagIds: [vip.id] });
    const gains = await call<Customer>('customers.create', { name: 'Bob' });

    const result = await bulk({
      target: { ids: [had.id, gains.id] },
      action: { type: 'addTag', tagId: vip.id },
    });
    expect(result.affected).toBe(1);
    expect((await get(gains.id)).tags.map((tag) => tag.name)).toEqual(['VIP']);
    expect(eventsOf(t)).toEqual([
      { customerId: gains.id, kind: 'tag_added', data: { tagId: vip.id }, batchId: result.batchId },
    ]);

    await call('batches.undo', { batchId: result.batchId });
    expect((await get(had.id)).tags.map((tag) => tag.name)).toEqual(['VIP']);
    expect((await get(gains.id)).tags).toEqual([]);
    expect(eventsOf(t)).toEqual([]);
  });

  it('removes a tag; undo gives it back to those who lost it', async () => {
    const { t, call, bulk, get } = setup();
    const vip = await call<Tag>('tags.create', { name: 'VIP', color: '#ff0000' });
    const ann = await call<Customer>('customers.create', { name: 'Ann', tagIds: [vip.id] });
    const bob = await call<Customer>('customers.create', { name: 'Bob' });

    const result = await bulk({
      target: { filters: {} },
      action: { type: 'removeTag', tagId: vip.id },
    });
    expect(result.affected).toBe(1);
    expect((await get(ann.id)).tags).toEqual([]);
    expect(eventsOf(t)).toEqual([
      { customerId: ann.id, kind: 'tag_removed', data: { tagId: vip.id }, batchId: result.batchId },
    ]);

    await call('batches.undo', { batchId: result.batchId });
    expect((await get(ann.id)).tags.map((tag) => tag.name)).toEqual(['VIP']);
    expect((await get(bob.id)).tags).toEqual([]);
  });

  it('refuses an unknown or deleted tag: VALIDATION naming action.tagId, nothing changed', async () => {
    const { t, call, get } = setup();
    const ann = await call<Customer>('customers.create', { name: 'Ann' });
    const gone = await call<Tag>('tags.create', { name: 'Old', color: '#000000' });
    await call('tags.delete', { id: gone.id });
    for (const tagId of [9999, gone.id]) {
      const error = errorOf(
        await t.backend.dispatch('customers.bulk', {
          target: { ids: [ann.id] },
          action: { type: 'addTag', tagId },
        }),
        'VALIDATION',
      );
      expect(error.issues).toEqual([expect.objectContaining({ path: 'action.tagId', code: 'option' })]);
    }
    expect((await get(ann.id)).tags).toEqual([]);
  });
});

describe('customers.bulk: trash', () => {
  it('moves picked customers to the trash; undo restores them; skips ids already gone', async () => {
    const { call, bulk } = setup();
    const ann = await call<Customer>('customers.create', { name: 'Ann' });
    const bob = await call<Customer>('customers.create', { name: 'Bob' });
    const cai = await call<Customer>('customers.create', { name: 'Cai' });
    const already = await call<Customer>('customers.create', { name: 'Dan' });
    await call('customers.delete', { id: already.id });
    const list = async (view: 'active' | 'trash') =>
      (
        await call<CustomerPage>('customers.list', { view, sort: { field: 'name', direction: 'asc' } })
      ).rows.map((row) => row.name);

    const result = await bulk({
      target: { ids: [ann.id, bob.id, already.id, 424242] },
      action: { type: 'trash' },
    });
    expect(result.affected).toBe(2);
    expect(await list('active')).toEqual([cai.name]);
    expect(await list('trash')).toEqual(['Ann', 'Bob', 'Dan']);

    await call('batches.undo', { batchId: result.batchId });
    expect(await list('active')).toEqual(['Ann', 'Bob', 'Cai']);
    // Dan was deleted before the bulk change, on his own: the undo leaves him where he was.
    expect(await list('trash')).toEqual(['Dan']);
  });
});

describe('customers.bulk: everything a filter matches', () => {
  it('applies to all 1,000 matching customers in one change and undoes it as one', async () => {
    const { t, call, bulk } = setup();
    const writer = new Database(t.dbFile);
    const records = new CustomerRecords(writer);
    writer.transaction(() => {
      for (let i = 0; i < 1_100; i++) {
        // 1,000 in Hangzhou (half leads, half prospects), 100 elsewhere who must stay untouched.
        const fields = customerFields.parse({
          name: `Customer ${i}`,
          city: i < 1_000 ? '杭州' : '上海',
          stage: i % 2 === 0 ? 'lead' : 'prospect',
        });
        records.insert(fields, { now: t.clock.now(), region: 'CN' });
      }
    })();
    writer.close();
    const count = async (filters: object) =>
      (await call<CustomerPage>('customers.list', { filters, limit: 1 })).total;

    const result = await bulk({
      target: { filters: { cities: ['杭州'] } },
      action: { type: 'setStage', stage: 'customer' },
    });
    expect(result.affected).toBe(1_000);
    expect(await count({ stages: ['customer'] })).toBe(1_000);
    expect(await count({ cities: ['上海'], stages: ['lead'] })).toBe(50);
    expect(eventsOf(t).filter((event) => event.batchId === result.batchId)).toHaveLength(1_000);

    await call('batches.undo', { batchId: result.batchId });
    expect(await count({ stages: ['customer'] })).toBe(0);
    expect(await count({ cities: ['杭州'], stages: ['lead'] })).toBe(500);
    expect(await count({ cities: ['杭州'], stages: ['prospect'] })).toBe(500);
    expect(eventsOf(t)).toEqual([]);
  });
});
