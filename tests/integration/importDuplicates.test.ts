import { describe, expect, it } from 'vitest';
import type { Customer, CustomerPage, ImportOptionsInput } from '../../src-shared/contract';
import { encodeFile, importer } from '../support/importCalls';
import { useBackendCalls } from '../support/tempBackend';

/**
 * A file row that is a customer the owner already has: found by email, by a phone typed another
 * way, or by external ID, then skipped, filled in, overwritten or created again as the owner chose.
 */

type Calls = ReturnType<typeof useBackendCalls>;
type Call = Calls['call'];

const HEADER = 'ID,Name,Email,Phone,Company,City,Notes';
const MAPPING = ['externalId', 'name', 'email', 'phone', 'company', 'city', 'notes'];

async function commitRows(
  call: Call,
  rows: string[],
  options: ImportOptionsInput = {},
  file: { header: string; mapping: (string | null)[] } = { header: HEADER, mapping: MAPPING },
) {
  const imports = importer(call);
  const bytes = encodeFile([file.header, ...rows].join('\n'), 'utf8');
  const { fileId, preview } = await imports.preview(bytes, 'c.csv');
  return imports.run('imports.commit', fileId, preview, { mapping: file.mapping, options });
}

/**
 * 张三 as an earlier import left him: external ID C-001, an email, a phone with its country
 * code, a company, a city and a note. The clock then moves on, so a change shows in updatedAt.
 */
async function existingZhang(calls: Calls): Promise<Customer> {
  await commitRows(calls.call, ['C-001,张三,zhangsan@example.com,+86 13800138000,杭州小店,杭州,老客户']);
  calls.t.clock.advance(60_000);
  return (await everyone(calls.call))[0]!;
}

/** Every live customer, oldest first. */
async function everyone(call: Call): Promise<Customer[]> {
  const page = await call<CustomerPage>('customers.list', { limit: 500 });
  const ids = page.rows.map((row) => row.id).sort((a, b) => a - b);
  return Promise.all(ids.map((id) => call<Customer>('customers.get', { id })));
}

describe('a row matching an existing customer, with onMatch skip', () => {
  for (const [key, row] of [
    ['email (in other letter case)', ',张三,ZhangSan@Example.com,,新公司,上海,新备注'],
    ['phone typed differently (138 0013 8000 vs +86 13800138000)', ',张三,,138 0013 8000,新公司,上海,新备注'],
    ['external ID', 'C-001,张三,,,新公司,上海,新备注'],
  ] as const) {
    it(`is found by ${key} and skipped, the customer unchanged`, async () => {
      const calls = useBackendCalls();
      const before = await existingZhang(calls);
      const done = await commitRows(calls.call, [row], {
        onMatch: 'skip',
      });
      expect(done.counts).toMatchObject({ rows: 1, create: 0, update: 0, skip: 1 });
      expect(await everyone(calls.call)).toEqual([before]);
    });
  }
});

describe('the other policies', () => {
  it('fill: sets only empty fields, keeps existing values, adds a second email', async () => {
    const calls = useBackendCalls();
    await commitRows(calls.call, ['C-001,张三,zhangsan@example.com,+86 13800138000,杭州小店,,']);
    calls.t.clock.advance(60_000);
    const done = await commitRows(
      calls.call,
      ['张三,zhangsan@example.com,zs@work.cn,别的公司,上海,新备注'],
      { onMatch: 'fill' },
      {
        header: 'Name,Email,Email 2,Company,City,Notes',
        mapping: ['name', 'email', 'email', 'company', 'city', 'notes'],
      },
    );
    expect(done.counts).toMatchObject({ create: 0, update: 1 });
    const [zhang] = await everyone(calls.call);
    expect(zhang).toMatchObject({
      company: '杭州小店',
      city: '上海',
      notes: '新备注',
      emails: ['zhangsan@example.com', 'zs@work.cn'],
    });
    expect(zhang!.phones.map((phone) => phone.value)).toEqual(['+86 13800138000']);
  });

  it('overwrite: the file values win, blank cells never clear a field', async () => {
    const calls = useBackendCalls();
    const before = await existingZhang(calls);
    const done = await commitRows(calls.call, [',张三,zhangsan@example.com,,新公司,,'], {
      onMatch: 'overwrite',
    });
    expect(done.counts).toMatchObject({ create: 0, update: 1 });
    const [zhang] = await everyone(calls.call);
    expect(zhang).toEqual({
      ...before,
      company: '新公司',
      updatedAt: zhang!.updatedAt,
    });
    expect(zhang!.updatedAt > before.updatedAt).toBe(true);
  });

  it('create: a second 张三 is created next to the first', async () => {
    const calls = useBackendCalls();
    const before = await existingZhang(calls);
    const done = await commitRows(calls.call, [',张三,zhangsan@example.com,,,,'], { onMatch: 'create' });
    expect(done.counts).toMatchObject({ create: 1, update: 0, skip: 0 });
    const all = await everyone(calls.call);
    expect(all.map((customer) => customer.name)).toEqual(['张三', '张三']);
    expect(all[0]).toEqual(before);
  });
});

describe('the same customer twice in one file', () => {
  it('warns duplicate_in_file on the later row and creates the customer once', async () => {
    const { call } = useBackendCalls();
    const done = await commitRows(call, [
      ',李四,lisi@example.cn,,,,',
      ',王五,wangwu@example.cn,,,,',
      ',李四,LiSi@example.cn,,,,',
    ]);
    expect(done.counts).toMatchObject({ rows: 3, create: 2, skip: 1 });
    expect(done.warnings).toEqual([{ line: 4, code: 'duplicate_in_file', column: null, value: null }]);
    expect((await everyone(call)).map((customer) => customer.name).sort()).toEqual(['李四', '王五'].sort());
  });

  it('with overwrite, merges the later row into the same new customer', async () => {
    const { call } = useBackendCalls();
    const done = await commitRows(
      call,
      [',李四,lisi@example.cn,,,杭州,', ',李四,lisi@example.cn,13900139000,,,'],
      { onMatch: 'overwrite' },
    );
    expect(done.counts).toMatchObject({ rows: 2, create: 1 });
    expect(done.warnings.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 3, code: 'duplicate_in_file' },
    ]);
    const [lisi] = await everyone(call);
    expect(lisi).toMatchObject({ city: '杭州', emails: ['lisi@example.cn'] });
    expect(lisi!.phones.map((phone) => phone.value)).toEqual(['13900139000']);
  });
});
