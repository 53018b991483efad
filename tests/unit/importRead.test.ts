import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../src-main/imports/read/delimiter';
import { decodeText, detectEncoding } from '../../src-main/imports/read/encoding';
import { checkTextFile, looksLikeVcard, readHead } from '../../src-main/imports/read/sniff';
import { MAX_IMPORT_BYTES, type Delimiter, type TextEncoding } from '../../src-shared/contract';
import { fileIssue, importFixture, readTable } from '../support/importFiles';

const bytes = (...values: number[]) => Uint8Array.from(values);
const UTF8_BOM = bytes(0xef, 0xbb, 0xbf);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** What the preview would do: detect from the head, then read the whole file with that. */
async function detectAndRead(content: Uint8Array) {
  const file = importFixture(content);
  const { head, totalBytes } = readHead(file);
  checkTextFile(head, totalBytes);
  const detected = detectEncoding(head);
  const delimiter = sniffDelimiter(decodeText(head, detected.encoding));
  return { ...detected, delimiter, ...(await readTable(file, { encoding: detected.encoding, delimiter })) };
}

function checkError(content: Uint8Array | string, totalBytes?: number) {
  const head = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  try {
    checkTextFile(head, totalBytes ?? head.length);
  } catch (error) {
    return fileIssue(error);
  }
  throw new Error('checkTextFile accepted the file');
}

const CUSTOMERS = '姓名,手机,邮箱\n张三,13800138000,zhang@example.cn\n李四,13900139000,li@example.cn\n';

describe('encoding detection: the owner sees their Chinese text, not mojibake', () => {
  it('reads UTF-8 without a byte-order mark', async () => {
    const read = await detectAndRead(new TextEncoder().encode(CUSTOMERS));
    expect(read).toMatchObject({ encoding: 'utf-8', source: 'utf8', headers: ['姓名', '手机', '邮箱'] });
    expect(read.rows[0]!.cells).toEqual(['张三', '13800138000', 'zhang@example.cn']);
  });

  it('reads UTF-8 with a byte-order mark and keeps the mark out of the first header', async () => {
    const read = await detectAndRead(concat(UTF8_BOM, new TextEncoder().encode(CUSTOMERS)));
    expect(read).toMatchObject({ encoding: 'utf-8', source: 'bom' });
    expect(read.headers[0]).toBe('姓名');
  });

  it('falls back to GB18030 for a GBK file, including characters only GBK has (朱镕基 喆 堃)', async () => {
    const read = await detectAndRead(iconv.encode(`${CUSTOMERS}朱镕基,喆,堃\n`, 'gbk'));
    expect(read).toMatchObject({
      encoding: 'gb18030',
      source: 'fallback',
      headers: ['姓名', '手机', '邮箱'],
    });
    expect(read.rows[2]!.cells).toEqual(['朱镕基', '喆', '堃']);
  });

  it('reads a GBK file that holds nothing but 张三', async () => {
    const read = await detectAndRead(iconv.encode('张三', 'gbk'));
    expect(read).toMatchObject({ encoding: 'gb18030', headers: ['张三'], rows: [] });
  });

  it('reads GB18030 with an emoji and a rare CJK Extension B character', async () => {
    const read = await detectAndRead(iconv.encode('姓名,备注\n王五😀,𠀀字\n', 'gb18030'));
    expect(read.encoding).toBe('gb18030');
    expect(read.rows[0]!.cells).toEqual(['王五😀', '𠀀字']);
  });

  it('reads Excel "Unicode Text": UTF-16LE with a byte-order mark and tabs', async () => {
    const read = await detectAndRead(
      iconv.encode('姓名\t手机\r\n张三\t13800138000\r\n', 'utf-16le', { addBOM: true }),
    );
    expect(read).toMatchObject({ encoding: 'utf-16le', source: 'bom', delimiter: '\t' });
    expect(read.headers).toEqual(['姓名', '手机']);
    expect(read.rows).toEqual([{ line: 2, cells: ['张三', '13800138000'] }]);
  });

  it('reads UTF-16BE with a byte-order mark', async () => {
    const read = await detectAndRead(iconv.encode(CUSTOMERS, 'utf-16be', { addBOM: true }));
    expect(read).toMatchObject({ encoding: 'utf-16be', source: 'bom', headers: ['姓名', '手机', '邮箱'] });
  });

  it('recognises UTF-16LE without a byte-order mark by its zero bytes', async () => {
    const read = await detectAndRead(iconv.encode(CUSTOMERS, 'utf-16le'));
    expect(read).toMatchObject({
      encoding: 'utf-16le',
      source: 'fallback',
      headers: ['姓名', '手机', '邮箱'],
    });
  });

  it('still says UTF-8 when the head ends in the middle of a Chinese character', () => {
    const whole = new TextEncoder().encode('姓名,城市\n张三,北京\n');
    expect(detectEncoding(whole.subarray(0, whole.length - 2))).toEqual({
      encoding: 'utf-8',
      source: 'utf8',
    });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(detectEncoding(new TextEncoder().encode('name,phone\n'))).toEqual({
      encoding: 'utf-8',
      source: 'utf8',
    });
  });

  it('reads Big5 when the owner chooses it', async () => {
    const file = importFixture(iconv.encode('姓名,電話\n陳大文,0912345678\n', 'big5'));
    const read = await readTable(file, { encoding: 'big5' });
    expect(read.headers).toEqual(['姓名', '電話']);
    expect(read.rows[0]!.cells).toEqual(['陳大文', '0912345678']);
  });

  it('reads Windows-1252 when the owner chooses it', async () => {
    const file = importFixture(iconv.encode('Name;City\nJosé;Zürich\nFrançois;€ 12\n', 'windows-1252'));
    const read = await readTable(file, { encoding: 'windows-1252', delimiter: ';' });
    expect(read.rows.map((row) => row.cells)).toEqual([
      ['José', 'Zürich'],
      ['François', '€ 12'],
    ]);
  });

  it('decodes a preview head without its byte-order mark', () => {
    expect(decodeText(concat(UTF8_BOM, new TextEncoder().encode('姓名')), 'utf-8')).toBe('姓名');
    expect(decodeText(iconv.encode('\uFEFF姓名', 'gb18030'), 'gb18030')).toBe('姓名');
  });
});

describe('files that are not a text table are refused with what to do', () => {
  it('refuses an empty file', () => {
    expect(checkError(new Uint8Array(0)).code).toBe('file_empty');
  });

  it('refuses a file that is only a UTF-8 byte-order mark', () => {
    expect(checkError(UTF8_BOM).code).toBe('file_empty');
  });

  it('refuses a file of only blank lines and spaces', () => {
    expect(checkError(' \r\n\n  \t\n').code).toBe('file_empty');
  });

  it('refuses an Excel workbook renamed to .csv and says to save it as CSV', () => {
    const file = importFixture(concat(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0), new Uint8Array(200)));
    const { head, totalBytes } = readHead(file);
    const issue = checkError(head, totalBytes);
    expect(issue.code).toBe('file_xlsx');
    expect(issue.message).toContain('Save it as CSV (UTF-8) in Excel');
  });

  it('refuses an old .xls workbook', () => {
    expect(checkError(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0)).code).toBe('file_xlsx');
  });

  it('refuses a binary file with NUL bytes', () => {
    const issue = checkError(concat(new TextEncoder().encode('name,phone\n'), bytes(0, 1, 2, 0, 0, 0, 3, 0)));
    expect(issue.code).toBe('file_binary');
  });

  it('refuses a PDF', () => {
    const issue = checkError('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
    expect(issue).toMatchObject({ code: 'file_binary' });
    expect(issue.message).toContain('PDF');
  });

  it('refuses a PNG image', () => {
    expect(checkError(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)).code).toBe('file_binary');
  });

  it('refuses a file over the size limit, naming the limit in MB', () => {
    const issue = checkError('name\n', MAX_IMPORT_BYTES + 1);
    expect(issue).toMatchObject({ code: 'file_too_large', params: { max: 200 } });
  });

  it('accepts UTF-16 although its ASCII characters come with zero bytes', () => {
    const head = iconv.encode(CUSTOMERS, 'utf-16le');
    expect(() => checkTextFile(head, head.length)).not.toThrow();
  });

  it('reads only the head of a large file but reports its whole size', () => {
    const file = importFixture('x'.repeat(300 * 1024));
    const { head, totalBytes } = readHead(file);
    expect([head.length, totalBytes]).toEqual([256 * 1024, 300 * 1024]);
  });

  it('tells a vCard file by its first line, blank lines and case aside', () => {
    expect(looksLikeVcard('\uFEFF\r\n\r\nbegin:vcard\r\nVERSION:3.0\r\n')).toBe(true);
    expect(looksLikeVcard('BEGIN:VCARD,name\n')).toBe(false);
    expect(looksLikeVcard('name,phone\nBEGIN:VCARD\n')).toBe(false);
  });
});

describe('delimiter sniffing', () => {
  it.each<[string, Delimiter, string]>([
    ['comma', ',', '姓名,手机,备注\n张三,138,"a;b|c"\n李四,139,x\n'],
    ['semicolon (European Excel)', ';', 'Name;Amount;City\nAnna;1,50;Köln\nBen;2,75;Wien\n'],
    ['tab', '\t', 'Name\tAmount\nAnna\t1,234.50\nBen\t2,000\n'],
    ['pipe', '|', 'name|phone|city\nA|1|X, Y\nB|2|Z\n'],
    ['full-width comma', '，', '姓名，手机，邮箱\n张三，138，a@b.cn\n'],
  ])('recognises %s', (_name, delimiter, sample) => {
    expect(sniffDelimiter(sample)).toBe(delimiter);
  });

  it('ignores delimiters and line breaks inside quotes', () => {
    const sample =
      'name;notes;city\nAnna;"met at fair, Shanghai\nsecond line, more, commas";Köln\nBen;"a,b,c";Wien\n';
    expect(sniffDelimiter(sample)).toBe(';');
  });

  it('defaults to a comma for a single column', () => {
    expect(sniffDelimiter('name\nAnna\nBen\n')).toBe(',');
  });

  it.each<[string, Delimiter, string]>([
    ['full-width comma', '，', '姓名，手机\n张三，13800138000\n'],
    ['semicolon', ';', 'name;phone\nAnna;138\n'],
    ['pipe', '|', 'name|phone\nAnna|138\n'],
    ['tab', '\t', 'name\tphone\nAnna\t138\n'],
  ])('reads a %s separated file', async (_name, delimiter, text) => {
    const read = await readTable(importFixture(text), { delimiter });
    expect(read.headers).toHaveLength(2);
    expect(read.rows[0]!.cells).toHaveLength(2);
  });
});

it.each<TextEncoding>(['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be', 'windows-1252'])(
  'reads a file written in %s when that encoding is chosen',
  async (encoding) => {
    const file = importFixture(
      iconv.encode('name,city\nAnna,Paris\n', encoding, { addBOM: encoding.startsWith('utf') }),
    );
    expect((await readTable(file, { encoding })).rows[0]!.cells).toEqual(['Anna', 'Paris']);
  },
);
