import { describe, expect, it } from 'vitest';
import type { Customer, Tag } from '../../src-shared/contract';
import { at, bytesOf, customersSeen, exportFile, importWhole } from '../support/roundTrip';
import { useBackendCalls } from '../support/tempBackend';

/**
 * Round trips of one thing at a time that the big seeded database of importRoundTrip.test.ts
 * does not hold: each exports a small database and imports it into a fresh one.
 */
describe('the export reopens losslessly through import: single cases', () => {
  it('an order without lines comes back as one order with its total', async () => {
    const { call: from } = useBackendCalls();
    const ann = await from<Customer>('customers.create', { name: 'Ann', emails: ['ann@example.com'] });
    await from('orders.create', {
      customerId: ann.id,
      orderedAt: at(2025, 1, 2, 3, 4),
      externalRef: 'MANUAL-1',
      amountCents: 4_250,
      description: '电话订单',
    });
    const before = await customersSeen(from);
    const customers = await exportFile(from, { kind: 'customers', language: 'en' });
    const orders = await exportFile(from, { kind: 'orders', language: 'en' });
    const { call } = useBackendCalls();
    await importWhole(call, bytesOf(customers), customers.fileName, 'customers');
    await importWhole(call, bytesOf(orders), orders.fileName, 'orders');
    expect(await customersSeen(call)).toEqual(before);
  });

  it('a paid order whose own reference starts with C stays a paid order', async () => {
    const { call: from } = useBackendCalls();
    const ann = await from<Customer>('customers.create', { name: 'Ann', emails: ['ann@example.com'] });
    // Only Online Retail's `C536379` marks a cancellation; `CN-…` is an ordinary reference.
    await from('orders.create', {
      customerId: ann.id,
      orderedAt: at(2025, 5, 6, 7, 8),
      externalRef: 'CN-2025-0001',
      lines: [{ description: '茶叶', quantity: 1, unitPriceCents: 5_000 }],
    });
    const before = await customersSeen(from);
    const customers = await exportFile(from, { kind: 'customers', language: 'zh-CN' });
    const orders = await exportFile(from, { kind: 'orders', language: 'zh-CN' });
    const { call } = useBackendCalls();
    await importWhole(call, bytesOf(customers), customers.fileName, 'customers');
    const { summary } = await importWhole(call, bytesOf(orders), orders.fileName, 'orders');
    expect(summary.refunds).toBe(0);
    expect(await customersSeen(call)).toEqual(before);
  });

  it('a tag whose name has a comma or 、 comes back as one tag', async () => {
    const { call: from } = useBackendCalls();
    const region = await from<Tag>('tags.create', { name: '华东、华南', color: '#13c2c2' });
    const sizes = await from<Tag>('tags.create', { name: 'S, M', color: '#13c2c2' });
    await from('customers.create', { name: 'Ann', tagIds: [region.id, sizes.id] });
    const customers = await exportFile(from, { kind: 'customers', language: 'zh-CN' });
    const { call } = useBackendCalls();
    await importWhole(call, bytesOf(customers), customers.fileName, 'customers');
    expect((await customersSeen(call)).Ann).toMatchObject({ tags: ['S, M', '华东、华南'] });
  });

  it("the customer's marketing consent comes back", async () => {
    const { call: from } = useBackendCalls();
    await from('customers.create', { name: 'Ann', emails: ['ann@example.com'], consent: 'yes' });
    await from('customers.create', { name: 'Bob', emails: ['bob@example.com'], consent: 'no' });
    const customers = await exportFile(from, { kind: 'customers', language: 'en' });
    const { call } = useBackendCalls();
    await importWhole(call, bytesOf(customers), customers.fileName, 'customers');
    const seen = await customersSeen(call);
    expect([seen.Ann, seen.Bob]).toMatchObject([{ consent: 'yes' }, { consent: 'no' }]);
  });

  it('two customers who share an office phone come back as two customers', async () => {
    const { call: from } = useBackendCalls();
    for (const name of ['周经理', '吴会计']) {
      await from('customers.create', { name, company: '上海贸易', phones: ['021 6234 5678'] });
    }
    const before = await customersSeen(from);
    const customers = await exportFile(from, { kind: 'customers', language: 'zh-CN' });
    const { call } = useBackendCalls();
    const { summary } = await importWhole(call, bytesOf(customers), customers.fileName, 'customers');
    expect(summary.counts).toMatchObject({ rows: 2, create: 2 });
    expect(await customersSeen(call)).toEqual(before);
  });

  it('a custom field the owner named like a built-in column (微信) keeps both values apart', async () => {
    const { call: from } = useBackendCalls();
    const field = await from<{ id: number }>('customFields.create', { label: '微信', type: 'text' });
    await from('customers.create', {
      name: 'Ann',
      wechat: 'ann_wx',
      custom: { [field.id]: '工作号 ann_work' },
    });
    const before = await customersSeen(from);
    const customers = await exportFile(from, { kind: 'customers', language: 'zh-CN' });
    const { call } = useBackendCalls();
    await call('customFields.create', { label: '微信', type: 'text' });
    await importWhole(call, bytesOf(customers), customers.fileName, 'customers');
    expect(await customersSeen(call)).toEqual(before);
  });

  it('an order the owner gave no reference keeps its lines together; its uid becomes the reference', async () => {
    const { call: from } = useBackendCalls();
    const ann = await from<Customer>('customers.create', { name: 'Ann', emails: ['ann@example.com'] });
    const created = await from<{ uid: string }>('orders.create', {
      customerId: ann.id,
      orderedAt: at(2025, 1, 2, 3, 4),
      lines: [
        { description: 'A', quantity: 1, unitPriceCents: 100 },
        { description: 'B', quantity: 2, unitPriceCents: 200 },
      ],
    });
    const customers = await exportFile(from, { kind: 'customers', language: 'en' });
    const orders = await exportFile(from, { kind: 'orders', language: 'en' });
    const { call } = useBackendCalls();
    await importWhole(call, bytesOf(customers), customers.fileName, 'customers');
    const { summary } = await importWhole(call, bytesOf(orders), orders.fileName, 'orders');
    expect(summary.counts).toMatchObject({ rows: 2, create: 1 });
    const [entry] = ((await customersSeen(call)).Ann as { activity: Record<string, unknown>[] }).activity;
    // The reference is what lets a second import of the same file skip the order instead of doubling it.
    expect(entry).toMatchObject({ amountCents: 500, externalRef: created.uid });
    expect(entry!.lines).toHaveLength(2);
  });
});
