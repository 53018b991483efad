import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type {
  Customer,
  CustomerPage,
  CustomFieldDefinition,
  PushEvent,
  Tag,
} from '../../src-shared/contract';
import { errorOf } from '../support/envelopes';
import { encodeFile, importer, runInput, storedCounts } from '../support/importCalls';
import { useBackendCalls } from '../support/tempBackend';

/**
 * Taking an import back: undo puts every customer back exactly as it was (a customer the owner
 * changed since is kept as it is now), and a cancelled commit leaves the database as it was.
 */

type Calls = ReturnType<typeof useBackendCalls>;
type Call = Calls['call'];

/** Everything the owner can see of the customers and tags, to compare before and after. */
async function snapshot(call: Call) {
  const page = await call<CustomerPage>('customers.list', { limit: 500 });
  const ids = page.rows.map((row) => row.id).sort((a, b) => a - b);
  return {
    page,
    customers: await Promise.all(ids.map((id) => call<Customer>('customers.get', { id }))),
    tags: await call<Tag[]>('tags.list', {}),
  };
}

/**
 * Two customers the owner keeps by hand (tags, several contacts, a custom value), then a file
 * that overwrites 张三 (new company, phone, tag, custom value) and creates 王五 with a new tag.
 */
async function overwritingImport({ call, t }: Calls) {
  const vip = await call<Tag>('tags.create', { name: 'VIP', color: '#aa0000' });
  const size = await call<CustomFieldDefinition>('customFields.create', { label: 'Size', type: 'text' });
  await call('customers.create', {
    name: '张三',
    company: '杭州小店',
    emails: ['zhangsan@example.com', 'zs@work.cn'],
    phones: ['+86 13800138000'],
    tagIds: [vip.id],
    custom: { [size.id]: 'M' },
  });
  await call('customers.create', { name: '李四', emails: ['lisi@example.cn'], notes: '不动' });
  t.clock.advance(60_000);
  const before = await snapshot(call);

  const file = [
    'Name,Email,Phone,Company,Tags,Size',
    '张三,zhangsan@example.com,139 0013 9000,新公司,"新客户,VIP",L',
    '王五,wangwu@example.cn,,,新客户,S',
  ].join('\n');
  const imports = importer(call);
  const { fileId, preview } = await imports.preview(encodeFile(file, 'utf8'), 'c.csv');
  const mapping = ['name', 'email', 'phone', 'company', 'tags', `custom:${size.id}`];
  const done = await imports.run('imports.commit', fileId, preview, {
    mapping,
    options: { onMatch: 'overwrite' },
  });
  expect(done.counts).toMatchObject({ create: 1, update: 1, reject: 0 });
  return { before, importId: done.importId! };
}

const customerNamed = (customers: Customer[], name: string) =>
  customers.find((customer) => customer.name === name)!;

describe('undo', () => {
  it('restores the exact previous state: customers, contacts, tags, custom values, updatedAt', async () => {
    const calls = useBackendCalls();
    const { before, importId } = await overwritingImport(calls);
    const after = await snapshot(calls.call);
    const zhangAfter = customerNamed(after.customers, '张三');
    expect(zhangAfter.company).toBe('新公司');
    expect(Object.values(zhangAfter.custom)).toEqual(['L']);
    expect(after.tags.map((tag) => tag.name).sort()).toEqual(['VIP', '新客户']);

    calls.t.clock.advance(60_000);
    const undo = await calls.call('imports.undo', { importId });
    expect(undo).toEqual({ importId, restored: 2, kept: 0 });
    expect(await snapshot(calls.call)).toEqual(before);
  });

  it('keeps a customer the owner edited after the import, and counts it as kept', async () => {
    const calls = useBackendCalls();
    const { call, t } = calls;
    const { before, importId } = await overwritingImport(calls);
    t.clock.advance(1000);
    const zhang = customerNamed((await snapshot(call)).customers, '张三');
    const edited = await call<Customer>('customers.update', { id: zhang.id, patch: { city: '宁波' } });

    const undo = await call('imports.undo', { importId });
    expect(undo).toEqual({ importId, restored: 1, kept: 1 });
    const now = await snapshot(call);
    // 王五 (created, untouched) is gone; 张三 stays as the owner left him; 李四 was never touched.
    expect(now.customers.map((customer) => customer.name).sort()).toEqual(['张三', '李四'].sort());
    expect(customerNamed(now.customers, '张三')).toEqual(edited);
    expect(customerNamed(now.customers, '李四')).toEqual(customerNamed(before.customers, '李四'));
  });

  it('refuses a second undo of the same import as a conflict', async () => {
    const calls = useBackendCalls();
    const { importId } = await overwritingImport(calls);
    await calls.call('imports.undo', { importId });
    const state = await snapshot(calls.call);
    errorOf(await calls.dispatch('imports.undo', { importId }), 'CONFLICT');
    expect(await snapshot(calls.call)).toEqual(state);
  });
});

/** A customers file with `rows` distinct people, written in memory (about 60 bytes a row). */
function generatedCustomers(rows: number): Buffer {
  const lines = ['Name,Email,Phone,City'];
  for (let i = 0; i < rows; i++) {
    lines.push(`客户${i},c${i}@example.cn,+86 139${String(i).padStart(8, '0')},杭州`);
  }
  return Buffer.from(lines.join('\n'));
}

/** Waits until the backend has announced a `jobs.progress` event of this job in this phase. */
async function progressIn(pushed: PushEvent[], jobId: string, phase: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const event = pushed.find(
      (candidate) =>
        candidate.type === 'jobs.progress' &&
        (candidate.payload as { jobId: string; phase: string }).jobId === jobId &&
        (candidate.payload as { phase: string }).phase === phase,
    );
    if (event) return event.payload as { done: number; total: number };
    if (Date.now() > deadline) throw new Error(`no ${phase} progress for job ${jobId}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('cancel', () => {
  it('stops a commit while it writes: CANCELLED, nothing written, and the database still works', async () => {
    const { call, dispatch, pushed, t } = useBackendCalls();
    const imports = importer(call);
    const { fileId, preview } = await imports.preview(generatedCustomers(60_000), 'big.csv');
    const indexes = () => {
      const db = new Database(t.dbFile, { readonly: true });
      try {
        return db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
      } finally {
        db.close();
      }
    };
    const indexesBefore = indexes();
    const input = runInput(fileId, preview);
    const commit = dispatch('imports.commit', input);

    const writing = await progressIn(pushed, input.jobId, 'writing');
    // Caught mid-write: some rows written inside the (open) transaction, not all.
    expect(writing.done).toBeLessThan(writing.total);
    expect(await call('jobs.cancel', { jobId: input.jobId })).toEqual({ cancelled: true });

    errorOf(await commit, 'CANCELLED');
    expect(await storedCounts(call)).toEqual({ customers: 0, imports: 0 });
    // The commit dropped indexes to build them once at the end: the rollback must bring them back.
    expect(indexes()).toEqual(indexesBefore);
    const again = await imports.run('imports.commit', fileId, preview);
    expect(again.counts.create).toBe(60_000);
    const { hits } = await call<{ hits: { customer: { name: string } }[] }>('customers.search', {
      query: 'c59999@example.cn',
    });
    expect(hits.map((hit) => hit.customer.name)).toEqual(['客户59999']);
  }, 120_000);
});
