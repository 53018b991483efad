import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CustomerPage, ImportHistoryEntry, Order, TimelineItem } from '../../src-shared/contract';
import { backendIn, fileWith, importJson, names, solocrmIn } from '../support/cliRun';
import { encodeFile } from '../support/importCalls';
import { tempDir } from '../support/tempBackend';

/**
 * `solocrm import` and `solocrm export` as the owner runs them; refused input is in
 * importCliRefusals.test.ts.
 */

const CUSTOMERS_CSV = [
  '姓名,手机,邮箱,公司',
  '张三,13800138000,zhangsan@example.com,杭州小店',
  '李四,139 0013 9000,lisi@example.cn,',
  '王五,,wangwu@example.com,上海贸易',
].join('\r\n');

describe('solocrm import customers', () => {
  it('--json prints the counts and the import id, exits 0, and the customers are there', async () => {
    const dir = tempDir();
    const file = fileWith('customers.csv', encodeFile(CUSTOMERS_CSV, 'utf8', { bom: true }));
    const run = await solocrmIn(dir)('import', 'customers', file, '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const summary = importJson(run.stdout);
    expect(summary).toMatchObject({ dryRun: false, importId: expect.any(Number), encoding: 'utf-8' });
    expect(summary.counts).toMatchObject({ rows: 3, create: 3, update: 0, skip: 0, reject: 0 });
    expect(await names(dir)).toEqual(['张三', '李四', '王五'].sort());
  });

  it('without --json says what it did and how to undo it', async () => {
    const dir = tempDir();
    const file = fileWith('customers.csv', CUSTOMERS_CSV);
    const run = await solocrmIn(dir)('import', 'customers', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Read 3 rows \(utf-8\)\.\nCreated 3, updated 0, skipped 0, rejected 0\./);
    expect(run.stdout).toMatch(/undo: solocrm import undo \d+/);
  });

  it('--dry-run reports what would happen and writes nothing', async () => {
    const dir = tempDir();
    const file = fileWith('customers.csv', CUSTOMERS_CSV);
    const run = await solocrmIn(dir)('import', 'customers', file, '--dry-run', '--json');
    expect(run.code).toBe(0);
    expect(importJson(run.stdout)).toMatchObject({ dryRun: true, importId: null, counts: { create: 3 } });
    expect(await names(dir)).toEqual([]);
    expect(await backendIn(dir)<ImportHistoryEntry[]>('imports.list', {})).toEqual([]);
    const text = await solocrmIn(dir)('import', 'customers', file, '--dry-run');
    expect(text.stdout).toMatch(/^Dry run: nothing was written\.\nRead 3 rows/);
  });

  it('--encoding gb18030 reads a GBK file from old Excel with its Chinese intact', async () => {
    const dir = tempDir();
    const file = fileWith('customers.csv', encodeFile(CUSTOMERS_CSV, 'gbk'));
    const run = await solocrmIn(dir)('import', 'customers', file, '--encoding', 'gb18030', '--json');
    expect(run.code).toBe(0);
    expect(importJson(run.stdout)).toMatchObject({ encoding: 'gb18030', counts: { create: 3 } });
    expect(await names(dir)).toEqual(['张三', '李四', '王五'].sort());
  });

  it('--encoding gbk is taken as gb18030, the superset the app reads', async () => {
    const dir = tempDir();
    const file = fileWith('customers.csv', encodeFile(CUSTOMERS_CSV, 'gbk'));
    const run = await solocrmIn(dir)('import', 'customers', file, '--encoding', 'gbk', '--json');
    expect(run.code).toBe(0);
    expect(importJson(run.stdout).encoding).toBe('gb18030');
    expect(await names(dir)).toContain('张三');
  });

  it('--on-match fill fills what an existing customer lacks and keeps what they have', async () => {
    const dir = tempDir();
    const solocrm = solocrmIn(dir);
    await solocrm('customers', 'add', '--name', '张三', '--email', 'zhangsan@example.com', '--city', '杭州');
    await solocrm(
      'customers',
      'add',
      '--name',
      '王五',
      '--email',
      'wangwu@example.com',
      '--company',
      '旧公司',
    );
    const file = fileWith('customers.csv', CUSTOMERS_CSV);
    const run = await solocrm('import', 'customers', file, '--on-match', 'fill', '--json');
    expect(run.code).toBe(0);
    // 王五 has a company already and the file gives nothing else: nothing to fill, so skipped.
    expect(importJson(run.stdout).counts).toMatchObject({ create: 1, update: 1, skip: 1 });
    const page = JSON.parse((await solocrm('customers', 'list', '--json')).stdout) as CustomerPage;
    const byName = Object.fromEntries(page.rows.map((row) => [row.name, row]));
    expect(byName['张三']).toMatchObject({ company: '杭州小店', city: '杭州', phone: '13800138000' });
    expect(byName['王五']).toMatchObject({ company: '旧公司' });
    expect(page.total).toBe(3);
  });

  it('without --on-match, a customer already there is skipped and left as it was', async () => {
    const dir = tempDir();
    const solocrm = solocrmIn(dir);
    await solocrm('customers', 'add', '--name', '张三', '--email', 'zhangsan@example.com');
    const run = await solocrm('import', 'customers', fileWith('c.csv', CUSTOMERS_CSV), '--json');
    expect(importJson(run.stdout).counts).toMatchObject({ create: 2, skip: 1 });
    const page = JSON.parse((await solocrm('customers', 'list', '--json')).stdout) as CustomerPage;
    expect(page.rows.find((row) => row.name === '张三')?.company).toBeNull();
  });

  it('--mapping uses a template saved in the app for a file whose headers it does not recognise', async () => {
    const dir = tempDir();
    await backendIn(dir)('importTemplates.save', {
      name: 'Laden in Berlin',
      kind: 'customers',
      headers: ['Kunde', 'Handy', 'Post'],
      mapping: ['name', 'phone', 'email'],
    });
    // This month's file: the same columns, renamed once more by the shop's tool.
    const file = fileWith('kunden.csv', 'Kundin,Mobil,Mail an\nAnna Müller,+49 30 1234567,anna@example.de\n');
    const solocrm = solocrmIn(dir);
    // Left to the suggestions, no column is the name: refused, pointing at --mapping.
    const guessed = await solocrm('import', 'customers', file, '--dry-run');
    expect(guessed.code).toBe(1);
    expect(guessed.stderr).toContain('--mapping: Map a column to name');

    const run = await solocrm('import', 'customers', file, '--mapping', 'Laden in Berlin', '--json');
    expect(run.code).toBe(0);
    expect(importJson(run.stdout).counts).toMatchObject({ create: 1, reject: 0 });
    const page = JSON.parse((await solocrm('customers', 'list', '--json')).stdout) as CustomerPage;
    expect(page.rows[0]).toMatchObject({ name: 'Anna Müller', email: 'anna@example.de' });
  });

  it('--mapping naming no saved template exits 1, names it, and imports nothing', async () => {
    const dir = tempDir();
    const run = await solocrmIn(dir)(
      'import',
      'customers',
      fileWith('c.csv', CUSTOMERS_CSV),
      '--mapping',
      'Nope',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"Nope"');
    expect(await names(dir)).toEqual([]);
  });

  it('import undo N removes what import N created', async () => {
    const dir = tempDir();
    const solocrm = solocrmIn(dir);
    await solocrm('customers', 'add', '--name', '老王');
    const done = importJson(
      (await solocrm('import', 'customers', fileWith('c.csv', CUSTOMERS_CSV), '--json')).stdout,
    );
    const undo = await solocrm('import', 'undo', String(done.importId));
    expect(undo).toMatchObject({ code: 0, stderr: '' });
    expect(undo.stdout).toBe(`Undid import ${done.importId}: 3 rows removed or put back.`);
    expect(await names(dir)).toEqual(['老王']);
  });

  it('import undo --json prints what was restored and kept', async () => {
    const dir = tempDir();
    const solocrm = solocrmIn(dir);
    const done = importJson(
      (await solocrm('import', 'customers', fileWith('c.csv', CUSTOMERS_CSV), '--json')).stdout,
    );
    const undo = await solocrm('import', 'undo', String(done.importId), '--json');
    expect(JSON.parse(undo.stdout)).toEqual({ importId: done.importId, restored: 3, kept: 0 });
  });
});

describe('solocrm export, then import into another folder', () => {
  async function seeded() {
    const dir = tempDir();
    const solocrm = solocrmIn(dir);
    await solocrm(
      'customers',
      'add',
      '--name',
      '张三',
      '--email',
      'zs@example.com',
      '--phone',
      '138 0013 8000',
    );
    await solocrm(
      'customers',
      'add',
      '--name',
      'Anna Müller',
      '--email',
      'anna@example.de',
      '--city',
      'Berlin',
    );
    return solocrm;
  }

  for (const [label, flags, encoding] of [
    ['CSV (UTF-8)', [], 'utf-8'],
    ['CSV in GB18030', ['--encoding', 'gb18030'], 'gb18030'],
  ] as const) {
    it(`${label}: every customer arrives in the other folder`, async () => {
      const from = await seeded();
      const out = join(tempDir('solocrm-files-'), 'customers.csv');
      const exported = await from('export', 'customers', '--out', out, ...flags);
      expect(exported).toMatchObject({ code: 0, stderr: '' });
      expect(exported.stdout).toBe(`Exported 2 customers to ${out}`);

      const other = tempDir();
      const run = await solocrmIn(other)('import', 'customers', out, '--json');
      expect(run.code).toBe(0);
      expect(importJson(run.stdout)).toMatchObject({ encoding, counts: { create: 2, reject: 0 } });
      const page = JSON.parse((await solocrmIn(other)('customers', 'list', '--json')).stdout) as CustomerPage;
      const byName = Object.fromEntries(page.rows.map((row) => [row.name, row]));
      expect(byName['张三']).toMatchObject({ email: 'zs@example.com', phone: '138 0013 8000' });
      expect(byName['Anna Müller']).toMatchObject({ email: 'anna@example.de', city: 'Berlin' });
    });
  }

  it('--format vcf: the .vcf file imports as contacts in the other folder', async () => {
    const from = await seeded();
    const out = join(tempDir('solocrm-files-'), 'contacts.vcf');
    expect((await from('export', 'customers', '--out', out, '--format', 'vcf')).code).toBe(0);
    const other = tempDir();
    const run = await solocrmIn(other)('import', 'customers', out, '--json');
    expect(run.code).toBe(0);
    expect(importJson(run.stdout).counts).toMatchObject({ create: 2, reject: 0 });
    expect(await names(other)).toEqual(['Anna Müller', '张三'].sort());
  });
});

/** The Online Retail shape: one row per invoice line, `C…` cancellations, float customer IDs, gaps. */
const RETAIL_CSV = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom',
  '536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850.0,United Kingdom',
  '536366,22633,HAND WARMER UNION JACK,6,12/13/2010 8:28,1.85,13047.0,United Kingdom',
  'C536379,D,Discount,-1,12/13/2010 9:41,27.50,17850.0,United Kingdom',
  '536414,22139,,56,12/13/2010 11:52,0,,United Kingdom',
].join('\n');

describe('solocrm import orders', () => {
  it('--customer-by externalId --create-customers --currency GBP: invoices become orders, C… a refund', async () => {
    const dir = tempDir();
    const file = fileWith('online_retail.csv', RETAIL_CSV);
    const run = await solocrmIn(dir)(
      'import',
      'orders',
      file,
      '--customer-by',
      'externalId',
      '--create-customers',
      '--currency',
      'gbp',
      '--json',
    );
    expect(run.code).toBe(0);
    const summary = importJson(run.stdout);
    expect(summary.counts).toMatchObject({ rows: 5, create: 3, reject: 1 });
    expect(summary).toMatchObject({ refunds: 1, customersCreated: 2 });
    // The line without a customer is reported on its own line, never silently dropped.
    expect(summary.rejected).toEqual([
      {
        line: 6,
        code: 'no_customer',
        column: 'CustomerID',
        value: '',
        reason: 'The row names no customer (CustomerID)',
      },
    ]);
    expect(await names(dir)).toEqual(['13047', '17850']);

    const call = backendIn(dir);
    const page = await call<CustomerPage>('customers.list', { limit: 10 });
    const customerId = page.rows.find((row) => row.name === '17850')!.id;
    const { items } = await call<{ items: TimelineItem[] }>('customers.timeline', {
      customerId,
      kinds: ['order'],
    });
    const orders = items.map((item) => (item as { order: Order }).order);
    expect(
      orders.map((order) => [order.externalRef, order.status, order.amountCents, order.currency]),
    ).toEqual([
      ['C536379', 'refunded', 2750, 'GBP'],
      ['536365', 'paid', 3564, 'GBP'],
    ]);
    expect(orders[1]!.lines.map((line) => line.sku)).toEqual(['85123A', '71053']);
  });

  it('without --create-customers, invoices of unknown customers are rejected, not invented', async () => {
    const dir = tempDir();
    const run = await solocrmIn(dir)('import', 'orders', fileWith('r.csv', RETAIL_CSV), '--json');
    expect(run.code).toBe(0);
    const summary = importJson(run.stdout);
    expect(summary.counts).toMatchObject({ create: 0, reject: 5 });
    expect(new Set(summary.rejected.map((problem) => problem.code))).toEqual(
      new Set(['unknown_customer', 'no_customer']),
    );
    expect(await names(dir)).toEqual([]);
  });
});
