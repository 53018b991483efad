import { describe, expect, it } from 'vitest';
import type { Customer, CustomerPage, ImportHistoryEntry } from '../../src-shared/contract';
import { encodeFile, importer } from '../support/importCalls';
import { useBackendCalls } from '../support/tempBackend';

const CHINESE_CSV = [
  '姓名,手机,邮箱,公司,城市,备注',
  '张三,13800138000,zhangsan@example.com,杭州小店,杭州,老客户',
  '李四,+86 139 0013 9000,lisi@example.cn,,上海,"多行\n备注"',
  '王五,021 6234 5678,,,上海,',
].join('\r\n');

type Call = ReturnType<typeof useBackendCalls>['call'];

async function listNames(call: Call) {
  const page = await call<CustomerPage>('customers.list', { limit: 100 });
  return page.rows.map((row) => row.name).sort();
}

/** The full record of the one live customer with this name. */
async function customerNamed(call: Call, name: string): Promise<Customer> {
  const page = await call<CustomerPage>('customers.list', { limit: 500 });
  const matches = page.rows.filter((row) => row.name === name);
  expect(matches).toHaveLength(1);
  return call<Customer>('customers.get', { id: matches[0]!.id });
}

async function searchHits(call: Call, query: string) {
  return (await call<{ hits: unknown[] }>('customers.search', { query })).hits;
}

describe('importing customers', () => {
  for (const [label, bytes] of [
    ['GBK with Chinese headers', encodeFile(CHINESE_CSV, 'gbk')],
    ['UTF-8 with BOM from Excel', encodeFile(CHINESE_CSV, 'utf8', { bom: true })],
    [
      'UTF-16 LE "Unicode Text" from Excel',
      encodeFile(CHINESE_CSV.replaceAll(',', '\t'), 'utf16le', { bom: true }),
    ],
    ['UTF-16 BE', encodeFile(CHINESE_CSV, 'utf16be', { bom: true })],
  ] as const) {
    it(`reads a ${label} file with correct Chinese text and E.164 phones`, async () => {
      const { call } = useBackendCalls();
      const imports = importer(call);
      const { fileId, preview } = await imports.preview(bytes, 'customers.csv');
      expect(preview.columns.map((column) => column.header)).toEqual([
        '姓名',
        '手机',
        '邮箱',
        '公司',
        '城市',
        '备注',
      ]);
      expect(preview.mapping).toEqual(['name', 'phone', 'email', 'company', 'city', 'notes']);
      const dry = await imports.run('imports.dryRun', fileId, preview);
      expect(dry.counts).toMatchObject({ rows: 3, create: 3, update: 0, skip: 0, reject: 0 });
      expect(await listNames(call)).toEqual([]);

      const done = await imports.run('imports.commit', fileId, preview);
      expect(done.importId).not.toBeNull();
      expect(await listNames(call)).toEqual(['张三', '李四', '王五'].sort());
      const zhang = await customerNamed(call, '张三');
      expect(zhang).toMatchObject({ company: '杭州小店', city: '杭州', notes: '老客户' });
      expect(zhang.phones[0]).toMatchObject({ value: '13800138000', e164: '+8613800138000' });
      expect(await searchHits(call, 'zs')).toHaveLength(1);
    });
  }

  it('keeps a multi-line note and a landline as typed', async () => {
    const { call } = useBackendCalls();
    const imports = importer(call);
    const { fileId, preview } = await imports.preview(encodeFile(CHINESE_CSV, 'utf8'), 'c.csv');
    await imports.run('imports.commit', fileId, preview);
    expect((await customerNamed(call, '李四')).notes).toBe('多行\n备注');
    expect((await customerNamed(call, '王五')).phones[0]).toMatchObject({
      value: '021 6234 5678',
      e164: '+862162345678',
    });
  });

  it('lists the import in the history, and undo removes exactly what it created', async () => {
    const { call } = useBackendCalls();
    await call('customers.create', { name: '老王', emails: ['laowang@example.com'] });
    const imports = importer(call);
    const { fileId, preview } = await imports.preview(encodeFile(CHINESE_CSV, 'utf8'), 'c.csv');
    const done = await imports.run('imports.commit', fileId, preview);
    const history = await call<ImportHistoryEntry[]>('imports.list', {});
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fileName: 'c.csv', kind: 'customers', undoneAt: null });
    expect(history[0]!.counts).toMatchObject({ create: 3 });

    const undo = await call<{ restored: number; kept: number }>('imports.undo', { importId: done.importId });
    expect(undo).toMatchObject({ restored: 3, kept: 0 });
    expect(await listNames(call)).toEqual(['老王']);
    expect(await searchHits(call, 'zs')).toEqual([]);
    expect((await call<ImportHistoryEntry[]>('imports.list', {}))[0]!.undoneAt).not.toBeNull();
  });
});

describe('rejected rows', () => {
  it('lists each with line, column and reason, and downloads them as a CSV to fix and re-import', async () => {
    const { call } = useBackendCalls();
    const imports = importer(call);
    const file = [
      'Name,Email,Birthday',
      'Ann,ann@example.com,1990-05-01',
      '=cmd|x,a@b.cn; c@d.cn,',
      'Bob,,2024-02-30',
    ].join('\n');
    const { fileId, preview } = await imports.preview(encodeFile(file, 'utf8'), 'people.csv');
    const done = await imports.run('imports.commit', fileId, preview);
    expect(done.counts).toMatchObject({ rows: 3, create: 1, reject: 2 });
    expect(done.rejected).toEqual([
      { line: 3, code: 'two_emails', column: 'Email', value: 'a@b.cn; c@d.cn' },
      { line: 4, code: 'date', column: 'Birthday', value: '2024-02-30' },
    ]);
    const download = await call<{ fileName: string; base64: string; rows: number }>('imports.rejects', {
      importId: done.importId,
      language: 'en',
    });
    expect(download).toMatchObject({ fileName: 'people-rejected.csv', rows: 2 });
    const text = Buffer.from(download.base64, 'base64').toString('utf8');
    expect(text.split('\r\n')).toEqual([
      '\uFEFF"Name","Email","Birthday","Line","Reason"',
      `"'=cmd|x","a@b.cn; c@d.cn","","3","More than one email address in one cell (Email)"`,
      '"Bob","","2024-02-30","4","Not a valid date (Birthday)"',
      '',
    ]);
  });
});
