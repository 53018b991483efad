import { describe, expect, it } from 'vitest';
import type { Customer, CustomFieldDefinition, Tag } from '../../src-shared/contract';
import { errorOf } from '../support/envelopes';
import { useBackendCalls } from '../support/tempBackend';

describe('tags', () => {
  it('creates, lists by name with how many live customers carry each, and announces the change', async () => {
    const { call, pushed } = useBackendCalls();
    const vip = await call<Tag>('tags.create', { name: ' VIP ', color: '#FF0000' });
    expect(vip).toEqual({ id: expect.any(Number), name: 'VIP', color: '#ff0000', customerCount: 0 });
    expect(pushed).toContainEqual({ type: 'data.changed', payload: { entity: 'tags' } });
    const asia = await call<Tag>('tags.create', { name: 'asia', color: '#00aa00' });
    const ann = await call<Customer>('customers.create', { name: 'Ann', tagIds: [vip.id, asia.id] });
    await call<Customer>('customers.create', { name: 'Bob', tagIds: [vip.id] });
    await call('customers.delete', { id: ann.id });

    expect(await call<Tag[]>('tags.list')).toEqual([
      { ...asia, customerCount: 0 },
      { ...vip, customerCount: 1 },
    ]);
  });

  it('refuses a name that exists ignoring case with a CONFLICT naming the field, and writes nothing', async () => {
    const { call, dispatch } = useBackendCalls();
    const vip = await call<Tag>('tags.create', { name: 'VIP', color: '#ff0000' });
    const clash = errorOf(await dispatch('tags.create', { name: 'vip', color: '#00ff00' }), 'CONFLICT');
    expect(clash.issues).toEqual([expect.objectContaining({ path: 'name', code: 'invalid' })]);
    const other = await call<Tag>('tags.create', { name: 'Other', color: '#00ff00' });
    errorOf(await dispatch('tags.update', { id: other.id, name: 'Vip' }), 'CONFLICT');
    // Renaming a tag to its own name in another case is not a clash with itself.
    expect(await call<Tag>('tags.update', { id: vip.id, name: 'vip' })).toMatchObject({ name: 'vip' });
    expect((await call<Tag[]>('tags.list')).map((tag) => tag.name)).toEqual(['Other', 'vip']);
  });

  it('rejects an empty name and a color that is not #rrggbb, naming each field', async () => {
    const { call, dispatch } = useBackendCalls();
    const empty = errorOf(await dispatch('tags.create', { name: '  ', color: '#ff0000' }), 'VALIDATION');
    expect(empty.issues).toEqual([expect.objectContaining({ path: 'name', code: 'required' })]);
    const color = errorOf(await dispatch('tags.create', { name: 'VIP', color: 'red' }), 'VALIDATION');
    expect(color.issues).toEqual([expect.objectContaining({ path: 'color' })]);
    expect(await call('tags.list')).toEqual([]);
  });

  it('delete hides the tag everywhere; restore brings it back on every customer that had it', async () => {
    const { call } = useBackendCalls();
    const vip = await call<Tag>('tags.create', { name: 'VIP', color: '#ff0000' });
    const ann = await call<Customer>('customers.create', { name: 'Ann', tagIds: [vip.id] });

    expect(await call<Tag>('tags.delete', { id: vip.id })).toMatchObject({ id: vip.id, name: 'VIP' });
    expect(await call('tags.list')).toEqual([]);
    expect((await call<Customer>('customers.get', { id: ann.id })).tags).toEqual([]);
    // A hidden tag cannot be put on anyone.
    await expect(call('customers.create', { name: 'Bob', tagIds: [vip.id] })).rejects.toThrow(/tagIds/);

    expect(await call<Tag>('tags.restore', { id: vip.id })).toEqual({ ...vip, customerCount: 1 });
    expect((await call<Customer>('customers.get', { id: ann.id })).tags).toEqual([
      { id: vip.id, name: 'VIP', color: '#ff0000' },
    ]);
  });

  it('a deleted name is free again, and restoring the old tag then clashes', async () => {
    const { call, dispatch } = useBackendCalls();
    const old = await call<Tag>('tags.create', { name: 'VIP', color: '#ff0000' });
    await call('tags.delete', { id: old.id });
    await call<Tag>('tags.create', { name: 'vip', color: '#00ff00' });
    const clash = errorOf(await dispatch('tags.restore', { id: old.id }), 'CONFLICT');
    expect(clash.issues?.[0]?.path).toBe('name');
    expect((await call<Tag[]>('tags.list')).map((tag) => tag.color)).toEqual(['#00ff00']);
  });

  it('answers NOT_FOUND for a tag that does not exist', async () => {
    const { dispatch } = useBackendCalls();
    errorOf(await dispatch('tags.update', { id: 999, name: 'x' }), 'NOT_FOUND');
    errorOf(await dispatch('tags.delete', { id: 999 }), 'NOT_FOUND');
  });
});

describe('custom field definitions', () => {
  it('creates fields in order, keeps the type fixed and announces the change', async () => {
    const { call, pushed, dispatch } = useBackendCalls();
    const budget = await call<CustomFieldDefinition>('customFields.create', {
      label: 'Budget',
      type: 'number',
    });
    const size = await call<CustomFieldDefinition>('customFields.create', {
      label: 'Size',
      type: 'select',
      options: ['S', 'M', 'L'],
    });
    expect(budget).toEqual({
      id: expect.any(Number),
      label: 'Budget',
      type: 'number',
      options: [],
      position: 0,
    });
    expect(size).toMatchObject({ options: ['S', 'M', 'L'], position: 1 });
    expect(pushed).toContainEqual({ type: 'data.changed', payload: { entity: 'customFields' } });

    const changeType = errorOf(
      await dispatch('customFields.update', { id: budget.id, type: 'text' }),
      'VALIDATION',
    );
    expect(changeType.issues).toEqual([expect.objectContaining({ path: 'type', code: 'unknown_field' })]);

    const renamed = await call<CustomFieldDefinition>('customFields.update', {
      id: size.id,
      label: 'T-shirt size',
      options: ['M', 'L', 'XL'],
      position: 0,
    });
    expect(renamed).toEqual({ ...size, label: 'T-shirt size', options: ['M', 'L', 'XL'], position: 0 });
    expect(await call('customFields.list')).toEqual([renamed, { ...budget, position: 1 }]);
    expect((await call<CustomFieldDefinition[]>('customFields.list')).map((field) => field.label)).toEqual([
      'T-shirt size',
      'Budget',
    ]);
  });

  it('a select field needs at least one option, each once: VALIDATION naming options, nothing saved', async () => {
    const { call, dispatch } = useBackendCalls();
    const none = errorOf(
      await dispatch('customFields.create', { label: 'Size', type: 'select', options: [] }),
      'VALIDATION',
    );
    expect(none.issues).toEqual([expect.objectContaining({ path: 'options', code: 'required' })]);
    const twice = errorOf(
      await dispatch('customFields.create', { label: 'Size', type: 'select', options: ['S', 'S'] }),
      'VALIDATION',
    );
    expect(twice.issues).toEqual([expect.objectContaining({ path: 'options.1', code: 'invalid' })]);
    const onText = errorOf(
      await dispatch('customFields.create', { label: 'Note', type: 'text', options: ['a'] }),
      'VALIDATION',
    );
    expect(onText.issues?.[0]?.path).toBe('options');
    expect(await call('customFields.list')).toEqual([]);

    const size = await call<CustomFieldDefinition>('customFields.create', {
      label: 'Size',
      type: 'select',
      options: ['S'],
    });
    const emptied = errorOf(
      await dispatch('customFields.update', { id: size.id, options: [] }),
      'VALIDATION',
    );
    expect(emptied.issues?.[0]?.path).toBe('options');
    expect((await call<CustomFieldDefinition[]>('customFields.list'))[0]?.options).toEqual(['S']);
  });

  it('rejects an empty label naming it', async () => {
    const { dispatch } = useBackendCalls();
    const error = errorOf(await dispatch('customFields.create', { label: '', type: 'text' }), 'VALIDATION');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'label', code: 'required' })]);
  });

  it('delete hides the field and refuses new values; restore brings the stored values back into use', async () => {
    const { call, dispatch } = useBackendCalls();
    const budget = await call<CustomFieldDefinition>('customFields.create', {
      label: 'Budget',
      type: 'number',
    });
    const ann = await call<Customer>('customers.create', { name: 'Ann', custom: { [budget.id]: 500 } });

    await call('customFields.delete', { id: budget.id });
    expect(await call('customFields.list')).toEqual([]);
    const refused = errorOf(
      await dispatch('customers.update', { id: ann.id, patch: { custom: { [budget.id]: 1 } } }),
      'VALIDATION',
    );
    expect(refused.issues?.[0]?.path).toBe(`custom.${budget.id}`);

    expect(await call<CustomFieldDefinition>('customFields.restore', { id: budget.id })).toEqual(budget);
    expect((await call<Customer>('customers.get', { id: ann.id })).custom).toEqual({ [budget.id]: 500 });
  });
});
