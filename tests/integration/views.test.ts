import { describe, expect, it } from 'vitest';
import type { SavedView, SavedViewDefinition } from '../../src-shared/contract';
import { errorOf } from '../support/envelopes';
import { CLOCK_START, useBackendCalls } from '../support/tempBackend';

const hotLeads: SavedViewDefinition = {
  filters: { stages: ['lead'], cities: ['杭州'], hasEmail: true, revenueMinCents: 10_000 },
  sort: { field: 'revenue', direction: 'desc' },
  columns: ['name', 'company', 'revenue', 'custom.3'],
};

describe('saved views', () => {
  it('stores name + filters + sort + columns and gives them back exactly, across a restart', async () => {
    const { t, call, pushed } = useBackendCalls();
    const view = await call<SavedView>('views.create', { name: ' Hot leads ', definition: hotLeads });
    expect(view).toEqual({
      id: expect.any(Number),
      name: 'Hot leads',
      definition: hotLeads,
      updatedAt: new Date(CLOCK_START).toISOString(),
    });
    expect(pushed).toContainEqual({ type: 'data.changed', payload: { entity: 'views' } });
    t.reopen();
    expect(await call('views.list')).toEqual([view]);
  });

  it('updates the name or the definition alone', async () => {
    const { t, call } = useBackendCalls();
    const view = await call<SavedView>('views.create', { name: 'Hot leads', definition: hotLeads });
    t.clock.advance(1000);
    const plain: SavedViewDefinition = { filters: {}, sort: null, columns: ['name'] };
    const redefined = await call<SavedView>('views.update', { id: view.id, definition: plain });
    expect(redefined).toEqual({
      ...view,
      definition: plain,
      updatedAt: new Date(CLOCK_START + 1000).toISOString(),
    });
    const renamed = await call<SavedView>('views.update', { id: view.id, name: 'Everyone' });
    expect(renamed).toMatchObject({ name: 'Everyone', definition: plain });
  });

  it('refuses a name already used ignoring case: CONFLICT naming name, nothing saved', async () => {
    const { call, dispatch } = useBackendCalls();
    await call('views.create', { name: 'Hot leads', definition: hotLeads });
    const other = await call<SavedView>('views.create', { name: 'Cold', definition: hotLeads });
    const clash = errorOf(
      await dispatch('views.create', { name: 'HOT LEADS', definition: hotLeads }),
      'CONFLICT',
    );
    expect(clash.issues).toEqual([expect.objectContaining({ path: 'name' })]);
    errorOf(await dispatch('views.update', { id: other.id, name: 'hot leads' }), 'CONFLICT');
    expect((await call<SavedView[]>('views.list')).map((view) => view.name)).toEqual(['Cold', 'Hot leads']);
  });

  it('rejects a definition the schema does not allow, naming the field', async () => {
    const { call, dispatch } = useBackendCalls();
    const badSort = errorOf(
      await dispatch('views.create', {
        name: 'Bad',
        definition: { ...hotLeads, sort: { field: 'shoeSize', direction: 'asc' } },
      }),
      'VALIDATION',
    );
    expect(badSort.issues?.[0]?.path).toBe('definition.sort.field');
    const unknownFilter = errorOf(
      await dispatch('views.create', {
        name: 'Bad',
        definition: { ...hotLeads, filters: { mood: 'happy' } },
      }),
      'VALIDATION',
    );
    expect(unknownFilter.issues).toEqual([
      expect.objectContaining({ path: 'definition.filters.mood', code: 'unknown_field' }),
    ]);
    const noName = errorOf(await dispatch('views.create', { name: '', definition: hotLeads }), 'VALIDATION');
    expect(noName.issues?.[0]).toMatchObject({ path: 'name', code: 'required' });
    expect(await call('views.list')).toEqual([]);
  });

  it('delete removes the view from the list and frees its name; a second delete is NOT_FOUND', async () => {
    const { call, dispatch } = useBackendCalls();
    const view = await call<SavedView>('views.create', { name: 'Hot leads', definition: hotLeads });
    expect(await call('views.delete', { id: view.id })).toEqual({ id: view.id });
    expect(await call('views.list')).toEqual([]);
    errorOf(await dispatch('views.delete', { id: view.id }), 'NOT_FOUND');
    await call('views.create', { name: 'hot leads', definition: hotLeads });
  });
});
