import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { CustomerListInput, CustomerRowView } from '../../src-shared/contract';

type ListInput = NonNullable<CustomerListInput>;
import type { ApiClient } from '../../src-renderer/api/client';
import {
  customerListSlice,
  rowAt,
  WINDOW_SIZE,
  type CustomerListState,
} from '../../src-renderer/features/customers/customerListSlice';

function customer(id: number): CustomerRowView {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id,
    name: `Customer ${id}`,
    company: null,
    jobTitle: null,
    email: null,
    phone: null,
    wechat: null,
    country: null,
    province: null,
    city: null,
    source: null,
    stage: null,
    birthday: null,
    tags: [],
    custom: {},
    revenueCents: 0,
    orderCount: 0,
    lastOrderAt: null,
    lastContactAt: null,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    analytics: null,
  };
}

/** A server with `count` customers that answers list requests when told to, and records them. */
function fakeServer(count: number) {
  const state = { rows: Array.from({ length: count }, (_, i) => customer(i + 1)) };
  const requests: ListInput[] = [];
  const waiting: (() => void)[] = [];
  const api = {
    invoke: (channel: string, input: ListInput) => {
      if (channel !== 'customers.list') throw new Error(`unexpected ${channel}`);
      requests.push(input);
      const answer = () => {
        const offset = input.offset ?? 0;
        const limit = input.limit ?? 100;
        return { rows: state.rows.slice(offset, offset + limit), total: state.rows.length, offset, limit };
      };
      return new Promise((resolve) => waiting.push(() => resolve(answer())));
    },
    onEvent: () => () => {},
  } as unknown as ApiClient;
  /** Answers everything asked so far (and whatever those answers make the list ask next). */
  const flush = async () => {
    for (let round = 0; round < 20 && waiting.length > 0; round++) {
      waiting.splice(0).forEach((answer) => answer());
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return { api, requests, flush, state };
}

function listOver(server: ReturnType<typeof fakeServer>) {
  return createStore<CustomerListState>()((set, get) => customerListSlice(server.api, 'active', set, get));
}

describe('the virtualized customer list store', () => {
  it('fetches the top window first, then the next one ahead of the scroll, never everything', async () => {
    const server = fakeServer(1000);
    const list = listOver(server);
    void list.getState().load();
    await server.flush();
    const state = list.getState();
    expect(state.loaded).toBe(true);
    expect(state.total).toBe(1000);
    expect(server.requests.map((input) => input.offset)).toEqual([0, WINDOW_SIZE]);
    expect(rowAt(state.windows, 0)?.name).toBe('Customer 1');
    expect(rowAt(state.windows, 250)).toBeUndefined();

    // The table shows rows 500..530: their window and the neighbours are fetched, nothing else.
    list.getState().showRows(500, 530);
    await server.flush();
    expect(server.requests.map((input) => input.offset).slice(2)).toEqual([400, 500, 600]);
    expect(rowAt(list.getState().windows, 530)?.name).toBe('Customer 531');
    expect(server.requests.every((input) => (input.limit ?? 0) <= WINDOW_SIZE)).toBe(true);
  });

  it('keeps the rows in view while a refetch runs, then shows the fresh ones', async () => {
    const server = fakeServer(150);
    const list = listOver(server);
    void list.getState().load();
    await server.flush();
    server.state.rows[0] = { ...customer(1), name: 'Renamed elsewhere' };
    void list.getState().load();
    // Not answered yet: the old row is still there, not a placeholder.
    expect(rowAt(list.getState().windows, 0)?.name).toBe('Customer 1');
    await server.flush();
    expect(rowAt(list.getState().windows, 0)?.name).toBe('Renamed elsewhere');
  });

  it('starts over from the top on a new sort, and drops answers to the old one', async () => {
    const server = fakeServer(300);
    const list = listOver(server);
    void list.getState().load();
    await server.flush();
    list.getState().showRows(250, 280);
    // The answer for rows 200.. is still on its way when the order changes.
    list.getState().setSort({ field: 'name', direction: 'desc' });
    expect(list.getState().resetKey).toBe(1);
    await server.flush();
    const last = server.requests[server.requests.length - 1];
    expect(last?.sort).toEqual({ field: 'name', direction: 'desc' });
    const state = list.getState();
    // Only windows fetched under the new order remain.
    expect([...state.windows.keys()].sort()).toEqual([0, 1]);
  });

  it('asks again when an empty list may have filled up', async () => {
    const server = fakeServer(0);
    const list = listOver(server);
    void list.getState().load();
    await server.flush();
    expect(list.getState().total).toBe(0);
    server.state.rows.push(customer(1));
    void list.getState().load();
    await server.flush();
    expect(list.getState().total).toBe(1);
    expect(rowAt(list.getState().windows, 0)?.name).toBe('Customer 1');
  });
});
