import { describe, expect, it } from 'vitest';
import type { Customer, CustomerPage, CustomFieldDefinition } from '../../src-shared/contract';
import { caller, errorOf } from '../support/envelopes';
import { useTempBackend } from '../support/tempBackend';

/** A backend with one field of each type, as an owner would set them up in Settings. */
async function setup() {
  const t = useTempBackend();
  const call = caller(() => t.backend);
  const field = (label: string, type: string, options: string[] = []) =>
    call<CustomFieldDefinition>('customFields.create', { label, type, options });
  const fields = {
    budget: await field('Budget', 'number'),
    since: await field('Customer since', 'date'),
    tier: await field('Tier', 'select', ['Gold', 'Silver']),
    note: await field('Referrer', 'text'),
  };
  const count = async () =>
    (await call<CustomerPage>('customers.list', { limit: 1 })).total +
    (await call<CustomerPage>('customers.list', { view: 'trash', limit: 1 })).total;
  return { t, call, fields, count };
}

describe('custom field values are checked against their definitions', () => {
  it.each([
    ['a number field given words', 'budget', 'about 500', 'number'],
    ['a date field given an impossible day', 'since', '2026-02-30', 'date'],
    ['a date field given a spoken date', 'since', 'last spring', 'date'],
    ['a select field given something not offered', 'tier', 'Platinum', 'option'],
  ] as const)(
    '%s: VALIDATION at custom.<id>, and no customer is created',
    async (_label, key, value, code) => {
      const { t, fields, count } = await setup();
      const id = String(fields[key].id);
      const error = errorOf(
        await t.backend.dispatch('customers.create', { name: 'Ann', custom: { [id]: value } }),
        'VALIDATION',
      );
      expect(error.issues).toEqual([expect.objectContaining({ path: `custom.${id}`, code })]);
      expect(await count()).toBe(0);
    },
  );

  it('stores good values typed as the form sends them (numbers with separators become numbers)', async () => {
    const { call, fields } = await setup();
    const ann = await call<Customer>('customers.create', {
      name: 'Ann',
      custom: {
        [fields.budget.id]: '12,500.5',
        [fields.since.id]: '2024-03-01',
        [fields.tier.id]: 'Gold',
        [fields.note.id]: ' 老王介绍 ',
      },
    });
    expect(ann.custom).toEqual({
      [fields.budget.id]: 12500.5,
      [fields.since.id]: '2024-03-01',
      [fields.tier.id]: 'Gold',
      [fields.note.id]: '老王介绍',
    });
  });

  it('a patch changes only the values it sends; null or "" clears one', async () => {
    const { call, fields } = await setup();
    const ann = await call<Customer>('customers.create', {
      name: 'Ann',
      custom: { [fields.budget.id]: 100, [fields.tier.id]: 'Gold' },
    });
    const updated = await call<Customer>('customers.update', {
      id: ann.id,
      patch: { custom: { [fields.budget.id]: 200, [fields.tier.id]: null, [fields.note.id]: '' } },
    });
    expect(updated.custom).toEqual({ [fields.budget.id]: 200 });
  });

  it('a bad value in a patch leaves every other change of that patch unsaved', async () => {
    const { t, call, fields } = await setup();
    const ann = await call<Customer>('customers.create', { name: 'Ann', stage: 'lead' });
    errorOf(
      await t.backend.dispatch('customers.update', {
        id: ann.id,
        patch: { name: 'Ann Lee', stage: 'customer', custom: { [fields.budget.id]: 'lots' } },
      }),
      'VALIDATION',
    );
    expect(await call<Customer>('customers.get', { id: ann.id })).toEqual(ann);
  });

  it('an option removed from the list stays on the customers that have it, and can be saved again', async () => {
    const { call, fields } = await setup();
    const ann = await call<Customer>('customers.create', {
      name: 'Ann',
      custom: { [fields.tier.id]: 'Silver' },
    });
    await call('customFields.update', { id: fields.tier.id, options: ['Gold'] });
    const saved = await call<Customer>('customers.update', {
      id: ann.id,
      patch: { name: 'Ann Lee', custom: { [fields.tier.id]: 'Silver' } },
    });
    expect(saved.custom).toEqual({ [fields.tier.id]: 'Silver' });
  });
});

describe('filtering the list by custom fields', () => {
  it('supports equals, contains, ranges and empty / not empty', async () => {
    const { call, fields } = await setup();
    const add = (name: string, custom: Record<string, string | number>) =>
      call<Customer>('customers.create', { name, custom });
    await add('A', { [fields.budget.id]: 100, [fields.tier.id]: 'Gold', [fields.note.id]: 'via 老王' });
    await add('B', { [fields.budget.id]: 5000, [fields.tier.id]: 'Silver', [fields.since.id]: '2023-05-01' });
    await add('C', {});
    const names = async (custom: object[]) =>
      (
        await call<CustomerPage>('customers.list', {
          filters: { custom },
          sort: { field: 'name', direction: 'asc' },
        })
      ).rows.map((row) => row.name);
    expect(await names([{ fieldId: fields.tier.id, op: 'eq', value: 'Gold' }])).toEqual(['A']);
    expect(await names([{ fieldId: fields.note.id, op: 'contains', value: '老王' }])).toEqual(['A']);
    expect(await names([{ fieldId: fields.budget.id, op: 'gte', value: 1000 }])).toEqual(['B']);
    expect(await names([{ fieldId: fields.budget.id, op: 'lte', value: 1000 }])).toEqual(['A']);
    expect(await names([{ fieldId: fields.since.id, op: 'gte', value: '2023-01-01' }])).toEqual(['B']);
    expect(await names([{ fieldId: fields.budget.id, op: 'empty' }])).toEqual(['C']);
    expect(await names([{ fieldId: fields.tier.id, op: 'notEmpty' }])).toEqual(['A', 'B']);
  });
});
