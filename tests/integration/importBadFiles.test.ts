import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Customer, CustomerPage, ErrorBody } from '../../src-shared/contract';
import { errorOf } from '../support/envelopes';
import { encodeFile, importer, runInput, storedCounts, upload } from '../support/importCalls';
import { useBackendCalls } from '../support/tempBackend';

/**
 * Files the owner might pick that are not a clean CSV: each is refused with the issue (and line)
 * the wizard shows, or read correctly. A refused file writes nothing, whichever step refuses it.
 */

type Calls = ReturnType<typeof useBackendCalls>;

const NOTHING = { customers: 0, imports: 0 };

/** The one file-level issue of a VALIDATION refusal. */
function fileIssueOf(error: ErrorBody) {
  expect(error.issues).toHaveLength(1);
  expect(error.issues![0]!.path).toBe('file');
  return error.issues![0]!;
}

/**
 * A file refused before any row is read: the preview refuses it, and so does a commit sent
 * without a preview (a client that skips the step), with the same issue.
 */
async function refusedOnSight(bytes: Buffer, fileName = 'customers.csv') {
  const { call, dispatch } = useBackendCalls();
  const fileId = await upload(call, bytes, fileName);
  const preview = errorOf(await dispatch('imports.preview', { fileId, kind: 'customers' }), 'VALIDATION');
  const commit = errorOf(
    await dispatch('imports.commit', { jobId: randomUUID(), fileId, kind: 'customers', mapping: ['name'] }),
    'VALIDATION',
  );
  expect(commit.issues).toEqual(preview.issues);
  expect(await storedCounts(call)).toEqual(NOTHING);
  return fileIssueOf(preview);
}

/**
 * A file whose head previews but whose body is broken: the dry run and the commit are both refused
 * with the same issue, and nothing is written.
 */
async function refusedWhileReading(calls: Calls, bytes: Buffer) {
  const { call, dispatch } = calls;
  const { fileId, preview } = await importer(call).preview(bytes, 'customers.csv');
  const dry = errorOf(await dispatch('imports.dryRun', runInput(fileId, preview)), 'VALIDATION');
  const commit = errorOf(await dispatch('imports.commit', runInput(fileId, preview)), 'VALIDATION');
  expect(commit.issues).toEqual(dry.issues);
  expect(await storedCounts(call)).toEqual(NOTHING);
  return { preview, issue: fileIssueOf(commit) };
}

async function allCustomers(call: Calls['call']): Promise<Customer[]> {
  const page = await call<CustomerPage>('customers.list', { limit: 500 });
  return Promise.all(page.rows.map((row) => call<Customer>('customers.get', { id: row.id })));
}

/** Commits with the suggested mapping and returns the summary and every stored customer. */
async function commitAll(call: Calls['call'], bytes: Buffer, fileName = 'customers.csv') {
  const imports = importer(call);
  const { fileId, preview } = await imports.preview(bytes, fileName);
  const summary = await imports.run('imports.commit', fileId, preview);
  return { preview, summary, customers: await allCustomers(call) };
}

describe('files that are not a table are refused before anything is read', () => {
  it('refuses an empty file', async () => {
    const issue = await refusedOnSight(Buffer.alloc(0));
    expect(issue.code).toBe('file_empty');
  });

  it('refuses a file that is only a UTF-8 byte-order mark', async () => {
    expect((await refusedOnSight(Buffer.from([0xef, 0xbb, 0xbf]))).code).toBe('file_empty');
  });

  it('refuses a file that is only a UTF-16 LE byte-order mark and blank lines', async () => {
    expect((await refusedOnSight(encodeFile('\r\n\r\n', 'utf16le', { bom: true }))).code).toBe('file_empty');
  });

  it('refuses binary data', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect((await refusedOnSight(bytes, 'customers.csv')).code).toBe('file_binary');
  });

  it('refuses a PNG picked by mistake', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    expect((await refusedOnSight(png, 'customers.csv')).code).toBe('file_binary');
  });

  it('refuses an Excel workbook renamed to .csv, telling the owner to save it as CSV', async () => {
    // The start of a real .xlsx: a zip whose first entry is [Content_Types].xml.
    const name = Buffer.from('[Content_Types].xml');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(name.length, 26);
    const issue = await refusedOnSight(Buffer.concat([header, name, Buffer.from('<?xml version="1.0"?>')]));
    expect(issue.code).toBe('file_xlsx');
    expect(issue.message).toContain('CSV');
  });
});

describe('a header without rows', () => {
  it('previews the columns, and the dry run finds nothing to create', async () => {
    const { call } = useBackendCalls();
    const imports = importer(call);
    const { fileId, preview } = await imports.preview(encodeFile('姓名,手机,邮箱\r\n', 'utf8'), 'empty.csv');
    expect(preview.columns.map((column) => column.header)).toEqual(['姓名', '手机', '邮箱']);
    expect(preview.rows).toEqual([]);
    const dry = await imports.run('imports.dryRun', fileId, preview);
    expect(dry.counts).toEqual({ rows: 0, create: 0, update: 0, skip: 0, reject: 0, warn: 0 });
    expect(await storedCounts(call)).toEqual(NOTHING);
  });

  it('is refused on commit as an empty file, leaving no empty entry in the history', async () => {
    const { call, dispatch } = useBackendCalls();
    const imports = importer(call);
    const { fileId, preview } = await imports.preview(encodeFile('Name,Email', 'utf8'), 'empty.csv');
    const refused = errorOf(await dispatch('imports.commit', runInput(fileId, preview)), 'VALIDATION');
    expect(refused.issues?.[0]).toMatchObject({ path: 'file', code: 'file_empty' });
    expect(await storedCounts(call)).toEqual(NOTHING);
  });
});

describe('encodings and byte-order marks', () => {
  const TEXT = 'Name,Notes\n张三,老客户\n';

  for (const [label, bytes, encoding] of [
    ['UTF-8 with BOM', encodeFile(TEXT, 'utf8', { bom: true }), 'utf-8'],
    ['UTF-16 LE with BOM', encodeFile(TEXT, 'utf16le', { bom: true }), 'utf-16le'],
    ['UTF-16 BE with BOM', encodeFile(TEXT, 'utf16be', { bom: true }), 'utf-16be'],
    ['UTF-16 LE without BOM', encodeFile(TEXT, 'utf16le'), 'utf-16le'],
    ['UTF-16 BE without BOM', encodeFile(TEXT, 'utf16be'), 'utf-16be'],
  ] as const) {
    it(`reads ${label}: the first header is "Name" (no BOM left in it) and the text is stored right`, async () => {
      const { call } = useBackendCalls();
      const { preview, customers } = await commitAll(call, bytes);
      expect(preview.encoding).toBe(encoding);
      expect(preview.columns[0]!.header).toBe('Name');
      expect(preview.mapping).toEqual(['name', 'notes']);
      expect(customers.map(({ name, notes }) => ({ name, notes }))).toEqual([
        { name: '张三', notes: '老客户' },
      ]);
    });
  }

  it('reads GBK from old Excel/WPS (detected as GB18030) with correct Chinese', async () => {
    const { call } = useBackendCalls();
    const { preview, customers } = await commitAll(call, encodeFile('姓名,城市\n欧阳娜娜,广州\n', 'gbk'));
    expect(preview).toMatchObject({ encoding: 'gb18030', encodingSource: 'fallback' });
    expect(customers.map(({ name, city }) => ({ name, city }))).toEqual([{ name: '欧阳娜娜', city: '广州' }]);
  });

  it('reads GB18030 four-byte characters: an emoji and a rare CJK Extension B character', async () => {
    const { call } = useBackendCalls();
    // 𠀾 (U+2003E) and 🌸 are outside GBK; GB18030 writes them as four bytes.
    const { customers } = await commitAll(call, encodeFile('姓名,备注\n𠀾小美,喜欢🌸\n', 'gb18030'));
    expect(customers.map(({ name, notes }) => ({ name, notes }))).toEqual([
      { name: '𠀾小美', notes: '喜欢🌸' },
    ]);
  });
});

describe('line endings', () => {
  it('imports every row of a file mixing CRLF, LF and CR, and names the right line of a bad row', async () => {
    const { call } = useBackendCalls();
    const file =
      'Name,Email,Notes\r\n' + // line 1
      'Ann,ann@example.com,"two\r\nlines"\r\n' + // lines 2-3
      'Bob,bob@example.com,lf\n' + // line 4
      'Cai,cai@example.com,cr\r' + // line 5
      '\r\n' + // line 6: blank
      'Dan,not-an-email,bad\r\n' + // line 7
      'Eve,eve@example.com,last'; // line 8, no final line break
    const { summary, customers } = await commitAll(call, encodeFile(file, 'utf8'));
    expect(summary.counts).toMatchObject({ rows: 5, create: 4, reject: 1 });
    expect(summary.rejected).toEqual([{ line: 7, code: 'email', column: 'Email', value: 'not-an-email' }]);
    expect(customers.map((customer) => customer.name).sort()).toEqual(['Ann', 'Bob', 'Cai', 'Eve']);
    expect(customers.find((customer) => customer.name === 'Ann')!.notes).toBe('two\nlines');
    expect(customers.find((customer) => customer.name === 'Cai')!.notes).toBe('cr');
  });
});

describe('broken quotes and huge records stop the import and name the line', () => {
  it('refuses an unclosed quote with its line, in the dry run and the commit, writing nothing', async () => {
    const calls = useBackendCalls();
    const file = 'Name,Notes\nAnn,ok\nBob,ok\nCai,"never closed\nDan,x\nEve,y\n';
    const { preview, issue } = await refusedWhileReading(calls, encodeFile(file, 'utf8'));
    // The preview still shows the rows before the broken one.
    expect(preview.rows).toEqual([
      ['Ann', 'ok'],
      ['Bob', 'ok'],
    ]);
    expect(issue).toMatchObject({ code: 'file_quote', params: { line: 4 } });
  });

  it('refuses a quote in the middle of a cell with its line and column', async () => {
    const calls = useBackendCalls();
    const file = 'Name,Notes\nAnn,ok\nBob,"said "hi" twice"\nCai,z\n';
    const { issue } = await refusedWhileReading(calls, encodeFile(file, 'utf8'));
    expect(issue).toMatchObject({ code: 'file_quote', params: { line: 3 } });
  });

  it('refuses a 10 MB single field as a record too large, writing nothing', async () => {
    const calls = useBackendCalls();
    const file = `Name,Notes\nAnn,ok\nBob,"${'x'.repeat(10 * 1024 * 1024)}"\nCai,z\n`;
    const { issue } = await refusedWhileReading(calls, Buffer.from(file));
    expect(issue).toMatchObject({ code: 'file_record_too_large', params: { line: 3, max: 1 } });
  });
});

describe('rows that do not line up with the header', () => {
  it('rejects ragged rows as "ragged" with their lines and imports the others', async () => {
    const { call } = useBackendCalls();
    const file = [
      'Name,Email,City',
      'Ann,ann@example.com,杭州',
      'Bob,bob@example.com', // a cell short
      'Cai,cai@example.com,上海,extra', // an extra cell with text
      'Dan,dan@example.com,北京,,', // trailing empty cells from Excel: not ragged
    ].join('\n');
    const { summary, customers } = await commitAll(call, encodeFile(file, 'utf8'));
    expect(summary.counts).toMatchObject({ rows: 4, create: 2, reject: 2 });
    expect(summary.rejected.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 3, code: 'ragged' },
      { line: 4, code: 'ragged' },
    ]);
    expect(customers.map((customer) => customer.name).sort()).toEqual(['Ann', 'Dan']);
  });
});

describe('header problems', () => {
  it('flags a duplicate and a blank header, and still imports with the mapping', async () => {
    const { call } = useBackendCalls();
    const imports = importer(call);
    const file = 'Name,Email,Email,,City\nAnn,ann@example.com,ann@work.cn,ignored,杭州\n';
    const { fileId, preview } = await imports.preview(encodeFile(file, 'utf8'), 'c.csv');
    expect(preview.headerProblems).toEqual([
      { code: 'duplicate_header', column: 2 },
      { code: 'blank_header', column: 3 },
    ]);
    const mapping = ['name', 'email', 'email', null, 'city'];
    const done = await imports.run('imports.commit', fileId, preview, { mapping });
    expect(done.counts).toMatchObject({ create: 1, reject: 0 });
    const [ann] = await allCustomers(call);
    expect(ann).toMatchObject({ name: 'Ann', emails: ['ann@example.com', 'ann@work.cn'], city: '杭州' });
  });

  it('imports a file whose name header appears twice with the suggested mapping', async () => {
    // What the wizard sends when the owner just presses Next: the suggestion must be committable.
    const { call } = useBackendCalls();
    const { preview, summary } = await commitAll(
      call,
      encodeFile('Name,Phone,Name\nAnn,13800138000,Ann\n', 'utf8'),
    );
    expect(preview.headerProblems).toEqual([{ code: 'duplicate_header', column: 2 }]);
    expect(summary.counts).toMatchObject({ create: 1 });
  });
});

describe('a mapping the kind cannot take is refused, naming the column', () => {
  const FILE = 'Name,Email,Date\nAnn,ann@example.com,2024-01-01\n';

  async function refusedMapping(mapping: (string | null)[]) {
    const { call, dispatch } = useBackendCalls();
    const { fileId, preview } = await importer(call).preview(encodeFile(FILE, 'utf8'), 'c.csv');
    const dry = errorOf(
      await dispatch('imports.dryRun', runInput(fileId, preview, { mapping })),
      'VALIDATION',
    );
    const commit = errorOf(
      await dispatch('imports.commit', runInput(fileId, preview, { mapping })),
      'VALIDATION',
    );
    expect(commit.issues).toEqual(dry.issues);
    expect(await storedCounts(call)).toEqual(NOTHING);
    return commit.issues!.map(({ path, code }) => ({ path, code }));
  }

  it('refuses a target that customers do not have', async () => {
    expect(await refusedMapping(['name', 'email', 'orderedAt'])).toEqual([
      { path: 'mapping.2', code: 'option' },
    ]);
  });

  it('refuses two columns mapped to the name', async () => {
    expect(await refusedMapping(['name', 'name', null])).toEqual([{ path: 'mapping.1', code: 'invalid' }]);
  });

  it('refuses a mapping with no column for the name', async () => {
    expect(await refusedMapping([null, 'email', null])).toEqual([{ path: 'mapping', code: 'required' }]);
  });

  it('refuses a custom field that does not exist', async () => {
    expect(await refusedMapping(['name', 'email', 'custom:999'])).toEqual([
      { path: 'mapping.2', code: 'option' },
    ]);
  });
});
