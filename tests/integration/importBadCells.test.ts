import { describe, expect, it } from 'vitest';
import type { Customer, CustomerPage, ImportRunInput, ImportSummary } from '../../src-shared/contract';
import { encodeFile, importer } from '../support/importCalls';
import { useBackendCalls } from '../support/tempBackend';

/**
 * Cells the owner's spreadsheet got wrong or that look dangerous: each row is imported as typed
 * (with a warning when it deserves a look) or rejected with its line, reason and column.
 */

type Call = ReturnType<typeof useBackendCalls>['call'];

async function customersByName(call: Call): Promise<Map<string, Customer>> {
  const page = await call<CustomerPage>('customers.list', { limit: 500 });
  const customers = await Promise.all(
    page.rows.map((row) => call<Customer>('customers.get', { id: row.id })),
  );
  return new Map(customers.map((customer) => [customer.name, customer]));
}

/** Commits a UTF-8 file with the suggested mapping (unless told otherwise). */
async function commit(call: Call, lines: string[], input: Partial<ImportRunInput> = {}) {
  const imports = importer(call);
  const { fileId, preview } = await imports.preview(
    encodeFile(lines.join('\n'), 'utf8'),
    'c.csv',
    input.kind,
  );
  return imports.run('imports.commit', fileId, preview, input);
}

/** Only what the owner reads in the rejected list. */
const rejects = (summary: ImportSummary) =>
  summary.rejected.map(({ line, code, column }) => ({ line, code, column }));

describe('formulas are stored as text, never evaluated or changed', () => {
  it('keeps =, @, + and - cells literally in names and notes', async () => {
    const { call } = useBackendCalls();
    const formulas = [`=cmd|' /C calc'!A0`, '@SUM(1+1)', '+1', '-2+3', '=HYPERLINK("http://x.cn","点我")'];
    const file = [
      'Name,Notes',
      ...formulas.map((formula, i) => `"${`客户${i}`}","${formula.replaceAll('"', '""')}"`),
    ];
    const summary = await commit(call, [...file, `"=1+1",plain`]);
    expect(summary.counts).toMatchObject({ create: formulas.length + 1, reject: 0 });
    const customers = await customersByName(call);
    formulas.forEach((formula, i) => expect(customers.get(`客户${i}`)!.notes).toBe(formula));
    expect(customers.get('=1+1')!.notes).toBe('plain');
  });

  it("strips the ' our own export puts in front of a formula, and only that one", async () => {
    const { call } = useBackendCalls();
    await commit(call, [
      'Name,Notes',
      `A,'=SUM(1+1)`, // our export's guard: the stored note is the original
      `B,''=1`, // an owner's own '=1, guarded once by our export
      `C,'Tis the season`, // an apostrophe before harmless text is the owner's own
    ]);
    const customers = await customersByName(call);
    expect(customers.get('A')!.notes).toBe('=SUM(1+1)');
    expect(customers.get('B')!.notes).toBe(`'=1`);
    expect(customers.get('C')!.notes).toBe(`'Tis the season`);
  });
});

it('keeps emoji in names intact, including joined family emoji and skin tones', async () => {
  const { call } = useBackendCalls();
  const names = ['🐱小猫', '👨‍👩‍👧 王家', '👍🏽 Lee'];
  await commit(call, ['Name', ...names]);
  expect([...(await customersByName(call)).keys()].sort()).toEqual([...names].sort());
});

describe('phones', () => {
  it('imports a phone Excel turned into 1.38001E+10 as typed, with an excel_number warning on its line', async () => {
    const { call } = useBackendCalls();
    const summary = await commit(call, ['Name,Phone', 'Ann,13800138000', 'Bob,1.38001E+10']);
    expect(summary.counts).toMatchObject({ create: 2, reject: 0, warn: 1 });
    expect(summary.warnings).toEqual([
      { line: 3, code: 'excel_number', column: 'Phone', value: '1.38001E+10' },
    ]);
    expect((await customersByName(call)).get('Bob')!.phones[0]).toMatchObject({ value: '1.38001E+10' });
  });
});

describe('emails', () => {
  it('rejects two addresses in one cell with its line and column', async () => {
    const { call } = useBackendCalls();
    const summary = await commit(call, ['Name,Email', 'Ann,ann@example.com', 'Bob,"a@b.cn, c@d.cn"']);
    expect(summary.counts).toMatchObject({ create: 1, reject: 1 });
    expect(summary.rejected).toEqual([
      { line: 3, code: 'two_emails', column: 'Email', value: 'a@b.cn, c@d.cn' },
    ]);
    expect([...(await customersByName(call)).keys()]).toEqual(['Ann']);
  });

  it('accepts "Name <address>" as the address alone', async () => {
    const { call } = useBackendCalls();
    const summary = await commit(call, ['Name,Email', 'Ann,Ann Lee <a@b.cn>']);
    expect(summary.counts).toMatchObject({ create: 1, reject: 0 });
    expect((await customersByName(call)).get('Ann')!.emails).toEqual(['a@b.cn']);
  });
});

describe('dates', () => {
  it('rejects an impossible birthday (2024-02-30) with its line', async () => {
    const { call } = useBackendCalls();
    const summary = await commit(call, ['Name,Birthday', 'Ann,1990-05-01', 'Bob,2024-02-30']);
    expect(rejects(summary)).toEqual([{ line: 3, code: 'date', column: 'Birthday' }]);
    expect([...(await customersByName(call)).keys()]).toEqual(['Ann']);
  });

  it('asks for the date order when every date of the column reads both ways, rejecting those rows', async () => {
    const { call } = useBackendCalls();
    const summary = await commit(call, ['Name,Birthday', 'Ann,03/04/1990', 'Bob,05/06/1991', 'Cai,']);
    expect(summary.ambiguousDates).toBe(true);
    expect(summary.counts).toMatchObject({ create: 1, reject: 2 });
    expect(rejects(summary)).toEqual([
      { line: 2, code: 'ambiguous_date', column: 'Birthday' },
      { line: 3, code: 'ambiguous_date', column: 'Birthday' },
    ]);
  });

  it('reads the column day-first when one of its dates (25/04/1990) can only be day-first', async () => {
    const { call } = useBackendCalls();
    const summary = await commit(call, ['Name,Birthday', 'Ann,03/04/1990', 'Bob,25/04/1990']);
    expect(summary).toMatchObject({ ambiguousDates: false, counts: { create: 2, reject: 0 } });
    const customers = await customersByName(call);
    expect(customers.get('Ann')!.birthday).toBe('1990-04-03');
    expect(customers.get('Bob')!.birthday).toBe('1990-04-25');
  });

  it('reads month-first when the owner chose mdy', async () => {
    const { call } = useBackendCalls();
    const summary = await commit(call, ['Name,Birthday', 'Ann,03/04/1990'], {
      options: { dateOrder: 'mdy' },
    });
    expect(summary).toMatchObject({ ambiguousDates: false, counts: { create: 1 } });
    expect((await customersByName(call)).get('Ann')!.birthday).toBe('1990-03-04');
  });
});

it('rejects a stage the lists do not know with "option"', async () => {
  const { call } = useBackendCalls();
  const summary = await commit(call, ['Name,Stage', 'Ann,', 'Bob,Martian stage']);
  expect(rejects(summary)).toEqual([{ line: 3, code: 'option', column: 'Stage' }]);
  expect([...(await customersByName(call)).keys()]).toEqual(['Ann']);
});

describe('orders with bad amounts or no customer', () => {
  const MAPPING = ['customerEmail', 'customerName', 'orderedAt', 'amount'];
  const ORDERS = (rows: string[]) => ['Email,Customer,Date,Amount', ...rows];

  async function commitOrders(call: Call, rows: string[], options: ImportRunInput['options'] = {}) {
    await call('customers.create', { name: 'Ann', emails: ['ann@example.com'] });
    return commit(call, ORDERS(rows), { kind: 'orders', mapping: MAPPING, options });
  }

  async function orderCount(call: Call) {
    const page = await call<CustomerPage>('customers.list', { limit: 500 });
    return page.rows.reduce((sum, row) => sum + row.orderCount, 0);
  }

  it('rejects a negative amount and an amount with letters, importing the good order', async () => {
    const { call } = useBackendCalls();
    const summary = await commitOrders(call, [
      'ann@example.com,,2024-05-01,12.50',
      'ann@example.com,,2024-05-02,-5',
      'ann@example.com,,2024-05-03,12abc',
    ]);
    expect(rejects(summary)).toEqual([
      { line: 3, code: 'negative_amount', column: 'Amount' },
      { line: 4, code: 'amount', column: 'Amount' },
    ]);
    expect(summary.counts).toMatchObject({ create: 1 });
    expect(await orderCount(call)).toBe(1);
  });

  it('rejects a row that names no customer', async () => {
    const { call } = useBackendCalls();
    const summary = await commitOrders(call, ['ann@example.com,,2024-05-01,10', ',,2024-05-02,20']);
    expect(rejects(summary)).toEqual([{ line: 3, code: 'no_customer', column: 'Email' }]);
    expect(await orderCount(call)).toBe(1);
  });

  it('rejects an unknown customer unless the owner lets the import create missing customers', async () => {
    const { call } = useBackendCalls();
    const summary = await commitOrders(call, ['bob@example.com,Bob,2024-05-01,10']);
    expect(rejects(summary)).toEqual([{ line: 2, code: 'unknown_customer', column: 'Email' }]);
    expect((await call<CustomerPage>('customers.list', {})).total).toBe(1);

    const created = await commit(call, ORDERS(['bob@example.com,Bob,2024-05-01,10']), {
      kind: 'orders',
      mapping: MAPPING,
      options: { createMissingCustomers: true },
    });
    expect(created).toMatchObject({ customersCreated: 1, counts: { create: 1, reject: 0 } });
    expect((await customersByName(call)).get('Bob')!.emails).toEqual(['bob@example.com']);
  });
});
