import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { onTestFinished, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { runExport, type ExportEnv } from '../../src-main/exports/runExport';
import type { JobContext } from '../../src-main/jobs/context';
import {
  exportInput,
  type Conversation,
  type Customer,
  type CustomFieldDefinition,
  type DownloadFile,
  type ExportInput,
  type Order,
  type Tag,
} from '../../src-shared/contract';
import { useBackendCalls, type TempBackend } from '../support/tempBackend';
import { refusalOf } from '../support/refusal';
import { at, bytesOf } from '../support/roundTrip';

const JOB_ID = '0b8d2f3e-7c41-4a8e-9d1b-3f2a6c5e4d10';

/** A job context as the worker builds it: its own connection to the file, the backend's clock. */
function jobContext(t: TempBackend, checkCancelled: () => void = () => {}) {
  const sqlite = new Database(t.dbFile);
  onTestFinished(() => {
    sqlite.close();
  });
  const progress: [phase: string, done: number, total: number][] = [];
  const ctx: JobContext = {
    sqlite,
    clock: t.clock,
    dataDir: t.dir,
    progress: (phase, done, total) => progress.push([phase, done, total]),
    checkCancelled,
  };
  return { ctx, progress };
}

function exportWith(
  t: TempBackend,
  input: Omit<ExportInput, 'jobId'>,
  language: ExportEnv['language'] = 'en',
) {
  const { ctx } = jobContext(t);
  return runExport(ctx, exportInput.parse({ jobId: JOB_ID, ...input }), { language });
}

/** The file as a spreadsheet reads it: the BOM checked and removed, the records parsed. */
function readCsv(file: DownloadFile): { raw: string; records: string[][] } {
  const bytes = bytesOf(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const raw = bytes.subarray(3).toString('utf8');
  return { raw, records: parse(raw) as string[][] };
}

/** Rows as header → cell objects, for assertions that read like the file. */
function table(file: DownloadFile): Record<string, string>[] {
  const [header, ...rows] = readCsv(file).records as [string[], ...string[][]];
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] as string])));
}

const FORMULA_NOTES = '=HYPERLINK("http://evil.example","点我")\n第二行';

/** Two live customers (one with two emails and phones, tags and custom values), one in the trash. */
async function seed() {
  const { t, call } = useBackendCalls();
  const vip = await call<Tag>('tags.create', { name: 'VIP', color: '#ff0000' });
  const old = await call<Tag>('tags.create', { name: '老客户', color: '#00ff00' });
  const level = await call<CustomFieldDefinition>('customFields.create', { label: '会员等级', type: 'text' });
  const evil = await call<CustomFieldDefinition>('customFields.create', { label: '=SUM(1)', type: 'number' });
  const zhang = await call<Customer>('customers.create', {
    name: '张三',
    company: '上海某某贸易有限公司',
    emails: ['zs@example.com', 'zhang.san@work.cn'],
    phones: ['13800138000', '+8613900139000'],
    city: '上海',
    stage: 'customer',
    birthday: '1990-05-04',
    notes: FORMULA_NOTES,
    tagIds: [old.id, vip.id],
    custom: { [String(level.id)]: 'Gold', [String(evil.id)]: -3 },
  });
  const ann = await call<Customer>('customers.create', {
    name: 'Ann Lee',
    company: 'Smile 😀 Ltd',
    emails: ['ann@example.com'],
    phones: ['138 0013 8001'],
    stage: 'lead',
    notes: 'line one\r\nline "two", three',
  });
  const gone = await call<Customer>('customers.create', {
    name: 'Trashed Person',
    emails: ['gone@example.com'],
  });
  await call('customers.delete', { id: gone.id });
  // Only an import sets a customer's own ID; written here as one would have.
  const writer = new Database(t.dbFile);
  writer.prepare('UPDATE customers SET external_id = ? WHERE id = ?').run('C-001', zhang.id);
  writer.close();
  return { t, call, zhang, ann, gone, level, evil };
}

describe('customer CSV', () => {
  it('writes every column with English headers, one column per email and phone, guarded cells', async () => {
    const { t, level } = await seed();
    const file = exportWith(t, { kind: 'customers' });
    const day = new Date(t.clock.now());
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    expect(file).toMatchObject({
      fileName: `customers-${date}.csv`,
      mime: 'text/csv;charset=utf-8',
      rows: 2,
    });

    const { records } = readCsv(file);
    expect(records[0]).toEqual([
      'Customer ID',
      'Name',
      'Company',
      'Job title',
      'Email',
      'Email 2',
      'Phone',
      'Phone 2',
      'WeChat',
      'Country',
      'Province',
      'City',
      'Street',
      'Postcode',
      'Source',
      'Stage',
      'Birthday',
      'Notes',
      'Tags',
      'Marketing consent',
      '会员等级',
      // A custom field named like a formula is guarded in the header row too.
      "'=SUM(1)",
    ]);
    const rows = table(file);
    // List order (Chinese names before Latin ones, as the list sorts); the trashed customer is not there.
    expect(rows.map((row) => row.Name)).toEqual(['张三', 'Ann Lee']);
    expect(rows[0]).toMatchObject({
      'Customer ID': 'C-001',
      Company: '上海某某贸易有限公司',
      Email: 'zs@example.com',
      'Email 2': 'zhang.san@work.cn',
      // Phones stay text in Excel: digits-only and E.164 get the apostrophe.
      Phone: "'13800138000",
      'Phone 2': "'+8613900139000",
      City: '上海',
      Stage: 'customer',
      Birthday: '1990-05-04',
      // Multi-line and starting with `=`: neutralized, and the second line is kept.
      Notes: `'${FORMULA_NOTES}`,
      Tags: 'VIP, 老客户',
      'Marketing consent': 'unknown',
      会员等级: 'Gold',
      "'=SUM(1)": "'-3",
    });
    expect(rows[1]).toMatchObject({
      'Customer ID': '',
      Email: 'ann@example.com',
      'Email 2': '',
      Phone: '138 0013 8001',
      'Phone 2': '',
      Notes: 'line one\r\nline "two", three',
      Tags: '',
      会员等级: '',
    });
    expect(level.label).toBe('会员等级');
  });

  it('quotes multi-line notes and doubles quotes, so the raw file keeps each customer on one record', async () => {
    const { t } = await seed();
    const { raw } = readCsv(exportWith(t, { kind: 'customers', columns: ['name', 'notes'] }));
    expect(raw).toBe(
      '"Name","Notes"\r\n' +
        `"张三","'=HYPERLINK(""http://evil.example"",""点我"")\n第二行"\r\n` +
        '"Ann Lee","line one\r\nline ""two"", three"\r\n',
    );
    expect(raw).not.toContain('gone@example.com');
  });

  it('writes Chinese headers when the owner uses Chinese', async () => {
    const { t } = await seed();
    const [header] = readCsv(exportWith(t, { kind: 'customers' }, 'zh-CN')).records;
    expect(header?.slice(0, 9)).toEqual([
      '客户编号',
      '姓名',
      '公司',
      '职位',
      '邮箱',
      '邮箱2',
      '手机',
      '手机2',
      '微信',
    ]);
    expect(header?.slice(14, 19)).toEqual(['来源', '阶段', '生日', '备注', '标签']);
  });

  it('writes the chosen columns in the chosen order, once each', async () => {
    const { t, level } = await seed();
    const file = exportWith(t, {
      kind: 'customers',
      columns: [`custom:${level.id}`, 'name', 'phone', 'name'],
    });
    expect(readCsv(file).records).toEqual([
      ['会员等级', 'Name', 'Phone', 'Phone 2'],
      ['Gold', '张三', "'13800138000", "'+8613900139000"],
      ['', 'Ann Lee', '138 0013 8001', ''],
    ]);
  });

  it('still writes one Email column when nobody in the export has an address', async () => {
    const { t, call } = await seed();
    const bare = await call<Customer>('customers.create', { name: 'No Contact' });
    const file = exportWith(t, {
      kind: 'customers',
      columns: ['name', 'email'],
      scope: { type: 'ids', ids: [bare.id] },
    });
    expect(readCsv(file).records).toEqual([
      ['Name', 'Email'],
      ['No Contact', ''],
    ]);
  });

  it.each([
    ['an unknown column', ['name', 'invoice']],
    ['a custom field that does not exist', ['custom:9999']],
    ['no columns at all', []],
  ])('refuses %s, naming columns', async (_what, columns) => {
    const { t } = await seed();
    const error = refusalOf(() => exportWith(t, { kind: 'customers', columns }));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['columns']);
  });

  it('refuses a custom field that is in the trash', async () => {
    const { t, call, level } = await seed();
    await call('customFields.delete', { id: level.id });
    const error = refusalOf(() => exportWith(t, { kind: 'customers', columns: [`custom:${level.id}`] }));
    expect(error.issues?.[0]).toMatchObject({ path: 'columns', code: 'option' });
    const [header] = readCsv(exportWith(t, { kind: 'customers' })).records;
    expect(header).not.toContain('会员等级');
  });
});

describe('customer scope', () => {
  const names = (file: DownloadFile) => table(file).map((row) => row.Name ?? row['姓名']);

  it('exports what the list filter shows', async () => {
    const { t } = await seed();
    const file = exportWith(t, {
      kind: 'customers',
      scope: { type: 'filter', filters: { stages: ['lead'] } },
    });
    expect(names(file)).toEqual(['Ann Lee']);
    expect(file.rows).toBe(1);
  });

  it('narrows the filter by the search, and a search that finds nobody gives only the header', async () => {
    const { t } = await seed();
    const both = { type: 'filter', filters: {} } as const;
    expect(names(exportWith(t, { kind: 'customers', scope: { ...both, search: '张三' } }))).toEqual(['张三']);
    expect(names(exportWith(t, { kind: 'customers', scope: { ...both, search: 'ann@example' } }))).toEqual([
      'Ann Lee',
    ]);
    const nobody = exportWith(t, {
      kind: 'customers',
      scope: { type: 'filter', filters: { stages: ['lead'] }, search: '张三' },
    });
    expect(nobody.rows).toBe(0);
    expect(readCsv(nobody).records).toHaveLength(1);
  });

  it('exports exactly the chosen ids, leaving out a trashed one', async () => {
    const { t, zhang, gone } = await seed();
    const file = exportWith(t, { kind: 'customers', scope: { type: 'ids', ids: [zhang.id, gone.id] } });
    expect(names(file)).toEqual(['张三']);
  });
});

describe('order and conversation CSV', () => {
  async function withActivity() {
    const seeded = await seed();
    const { call, zhang, ann, gone } = seeded;
    const withLines = await call<Order>('orders.create', {
      customerId: zhang.id,
      orderedAt: at(2026, 1, 10, 14, 5, 9),
      currency: 'CNY',
      externalRef: 'INV-1',
      channel: '淘宝',
      lines: [
        { sku: 'TEA-01', description: '龙井茶 250g', quantity: 2, unitPriceCents: 45_000 },
        { sku: null, description: '=gift wrap', quantity: 1, unitPriceCents: 34_450 },
        { sku: 'BACK', description: '退回一件', quantity: -1, unitPriceCents: 10_000 },
      ],
    });
    const noLines = await call<Order>('orders.create', {
      customerId: ann.id,
      orderedAt: at(2026, 1, 11, 9, 0),
      amountCents: 9_900,
      currency: 'USD',
    });
    await call<Order>('orders.create', {
      customerId: ann.id,
      orderedAt: at(2026, 1, 12, 9, 0),
      amountCents: 500,
      currency: 'USD',
      status: 'refunded',
      externalRef: 'C-77',
    });
    const trashedOrder = await call<Order>('orders.create', {
      customerId: ann.id,
      orderedAt: at(2026, 1, 13, 9, 0),
      amountCents: 1,
      externalRef: 'TRASHED',
    });
    await call('orders.delete', { id: trashedOrder.id });
    await call('customers.restore', { id: gone.id });
    await call<Order>('orders.create', {
      customerId: gone.id,
      orderedAt: at(2026, 1, 14, 9, 0),
      amountCents: 1,
      externalRef: 'OF-TRASHED-CUSTOMER',
    });
    await call<Conversation>('conversations.create', {
      customerId: gone.id,
      kind: 'note',
      occurredAt: at(2026, 1, 14, 9, 0),
      subject: 'of a trashed customer',
    });
    await call('customers.delete', { id: gone.id });
    await call<Conversation>('conversations.create', {
      customerId: zhang.id,
      kind: 'call',
      direction: 'inbound',
      occurredAt: at(2026, 1, 10, 15, 30),
      subject: '询价',
      body: '+想要报价\n明天回电',
      durationMinutes: 15,
    });
    await call<Conversation>('conversations.create', {
      customerId: ann.id,
      kind: 'email',
      direction: 'outbound',
      occurredAt: at(2026, 1, 11, 8, 0),
      subject: 'Quote',
    });
    const trashedConversation = await call<Conversation>('conversations.create', {
      customerId: ann.id,
      kind: 'note',
      occurredAt: at(2026, 1, 12, 8, 0),
      subject: 'trashed note',
    });
    await call('conversations.delete', { id: trashedConversation.id });
    return { ...seeded, withLines, noLines };
  }

  it('writes one row per order line, repeating the order, and one row for an order without lines', async () => {
    const { t, noLines } = await withActivity();
    const file = exportWith(t, { kind: 'orders' });
    expect(file).toMatchObject({
      fileName: expect.stringMatching(/^orders-\d{4}-\d{2}-\d{2}\.csv$/),
      rows: 5,
    });
    const zhangOrder = ['C-001', 'zs@example.com', "'13800138000", '张三', 'INV-1', '2026-01-10 14:05:09'];
    const ann = ['', 'ann@example.com', '138 0013 8001', 'Ann Lee'];
    const noLine = ['', '', '', ''];
    expect(readCsv(file).records).toEqual([
      [
        ...['Customer ID', 'Email', 'Phone', 'Customer', 'Invoice', 'Date', 'Amount', 'Currency', 'Status'],
        ...['Description', 'Channel', 'SKU', 'Item', 'Quantity', 'Unit price'],
      ],
      [...zhangOrder, '1144.50', 'CNY', 'paid', '', '淘宝', 'TEA-01', '龙井茶 250g', '2', '450.00'],
      [...zhangOrder, '1144.50', 'CNY', 'paid', '', '淘宝', '', "'=gift wrap", '1', '344.50'],
      // A negative number starts with `-`: guarded like any formula trigger.
      [...zhangOrder, '1144.50', 'CNY', 'paid', '', '淘宝', 'BACK', '退回一件', "'-1", '100.00'],
      // No reference of its own: the order's uid keeps it apart on re-import.
      [...ann, noLines.uid, '2026-01-11 09:00:00', '99.00', 'USD', 'paid', '', '', ...noLine],
      [...ann, 'C-77', '2026-01-12 09:00:00', '5.00', 'USD', 'refunded', '', '', ...noLine],
    ]);
  });

  it('exports only the orders of the customers in scope, with Chinese headers', async () => {
    const { t, zhang } = await withActivity();
    const file = exportWith(t, { kind: 'orders', scope: { type: 'ids', ids: [zhang.id] } }, 'zh-CN');
    const rows = table(file);
    expect(rows.map((row) => row['订单号'])).toEqual(['INV-1', 'INV-1', 'INV-1']);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      '客户编号',
      '邮箱',
      '手机',
      '客户',
      '订单号',
      '日期',
      '金额',
      '币种',
      '状态',
      '说明',
      '渠道',
      '商品编码',
      '商品',
      '数量',
      '单价',
    ]);
  });

  it('writes conversations with their customer, guarded and multi-line bodies, trashed ones left out', async () => {
    const { t } = await withActivity();
    const file = exportWith(t, { kind: 'conversations' });
    expect(file.rows).toBe(2);
    expect(readCsv(file).records).toEqual([
      [
        'Customer ID',
        'Email',
        'Phone',
        'Customer',
        'Date',
        'Channel',
        'Direction',
        'Subject',
        'Notes',
        'Minutes',
      ],
      [
        'C-001',
        'zs@example.com',
        "'13800138000",
        '张三',
        '2026-01-10 15:30:00',
        'call',
        'inbound',
        '询价',
        "'+想要报价\n明天回电",
        '15',
      ],
      [
        '',
        'ann@example.com',
        '138 0013 8001',
        'Ann Lee',
        '2026-01-11 08:00:00',
        'email',
        'outbound',
        'Quote',
        '',
        '',
      ],
    ]);
    const [header] = readCsv(exportWith(t, { kind: 'conversations' }, 'zh-CN')).records;
    expect(header).toEqual([
      '客户编号',
      '邮箱',
      '手机',
      '客户',
      '日期',
      '方式',
      '方向',
      '主题',
      '内容',
      '时长(分钟)',
    ]);
  });

  it('refuses vCard and chosen columns for orders and conversations, naming the field', async () => {
    const { t } = await seed();
    const vcard = refusalOf(() => exportWith(t, { kind: 'orders', format: 'vcard' }));
    expect(vcard).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'format' }] });
    const columns = refusalOf(() => exportWith(t, { kind: 'conversations', columns: ['name'] }));
    expect(columns).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'columns' }] });
  });
});

describe('encodings', () => {
  it('writes GB18030 without a BOM when asked, and the Chinese and emoji decode back', async () => {
    const { t } = await seed();
    const file = exportWith(t, { kind: 'customers', encoding: 'gb18030', columns: ['name', 'company'] });
    expect(file.mime).toBe('text/csv;charset=gb18030');
    const bytes = bytesOf(file);
    expect(bytes[0]).toBe(0x22);
    expect(iconv.decode(bytes, 'gb18030')).toBe(
      '"Name","Company"\r\n"张三","上海某某贸易有限公司"\r\n"Ann Lee","Smile 😀 Ltd"\r\n',
    );
  });
});

describe('vCard', () => {
  const vcardText = (file: DownloadFile) => bytesOf(file).toString('utf8');

  it('writes a 4.0 card per live customer, UTF-8 without a BOM, text not guarded (no spreadsheet reads it)', async () => {
    const { t, zhang } = await seed();
    const file = exportWith(t, { kind: 'customers', format: 'vcard' });
    expect(file).toMatchObject({
      mime: 'text/vcard',
      rows: 2,
      fileName: expect.stringMatching(/^customers-.*\.vcf$/),
    });
    const text = vcardText(file);
    expect(bytesOf(file)[0]).toBe(0x42); // "B" of BEGIN: no byte-order mark
    expect(text.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(2);
    expect(text.match(/^VERSION:4\.0\r$/gm)).toHaveLength(2);
    const lines = text.split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        `UID:urn:uuid:${zhang.uid}`,
        'FN:张三',
        'EMAIL:zs@example.com',
        'EMAIL:zhang.san@work.cn',
        'TEL;VALUE=uri:tel:+8613800138000',
        'TEL;VALUE=uri:tel:+8613900139000',
        'BDAY:19900504',
        'CATEGORIES:VIP,老客户',
        'FN:Ann Lee',
      ]),
    );
    expect(text.replace(/\r\n /g, '')).toContain('NOTE:=HYPERLINK("http://evil.example"\\,"点我")\\n第二行');
    expect(text).not.toContain('Trashed Person');
  });

  it('writes 3.0 cards for older phones, and only the chosen customers', async () => {
    const { t, zhang } = await seed();
    const file = exportWith(t, {
      kind: 'customers',
      format: 'vcard',
      vcardVersion: '3.0',
      scope: { type: 'ids', ids: [zhang.id] },
    });
    expect(file.rows).toBe(1);
    const lines = vcardText(file).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'VERSION:3.0',
        'FN:张三',
        'EMAIL;TYPE=INTERNET:zs@example.com',
        'TEL;TYPE=CELL:+8613800138000',
        'BDAY:1990-05-04',
      ]),
    );
    expect(lines).not.toContain('FN:Ann Lee');
  });
});

describe('progress and cancel', () => {
  async function demo(customers: number) {
    const { t, call } = useBackendCalls();
    await call('demo.load', { customers, ordersPerCustomer: 0, seed: 7 });
    return t;
  }

  it('reports progress every 1,000 rows', async () => {
    const t = await demo(2_500);
    const { ctx, progress } = jobContext(t);
    const file = runExport(ctx, exportInput.parse({ jobId: JOB_ID, kind: 'customers' }), { language: 'en' });
    const total = file.rows;
    expect(total).toBeGreaterThan(2_000);
    expect(progress).toEqual([
      ['exporting', 0, total],
      ['exporting', 1_000, total],
      ['exporting', 2_000, total],
      ['exporting', total, total],
    ]);
  });

  it('stops when the job is cancelled', async () => {
    const t = await demo(2_500);
    let checks = 0;
    const { ctx, progress } = jobContext(t, () => {
      if (++checks === 2) throw new AppError('CANCELLED', 'The export was cancelled.');
    });
    const error = refusalOf(() =>
      runExport(ctx, exportInput.parse({ jobId: JOB_ID, kind: 'customers' }), { language: 'en' }),
    );
    expect(error.code).toBe('CANCELLED');
    // The first check passed before any row; the second, after 1,000 rows, stopped it.
    expect(progress.map(([, done]) => done)).toEqual([0]);
    expect(checks).toBe(2);
  });
});
