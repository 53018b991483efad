import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLine, encodeCsv } from '../../src-main/exports/csvWriter';

describe('csvLine', () => {
  it('quotes every field and ends the record with CRLF (RFC 4180 §2.1, §2.5)', () => {
    expect(csvLine(['a', 'b', ''])).toBe('"a","b",""\r\n');
  });

  it('doubles an embedded quote (§2.7)', () => {
    expect(csvLine(['say "hi"'])).toBe('"say ""hi"""\r\n');
  });

  it('keeps delimiters, line breaks and quotes inside one field, and a reader gets them back', () => {
    const cells = ['Zhang, San', 'line one\r\nline two\nline three', '"quoted"', '，full-width comma', ''];
    const text = csvLine(['a', 'b', 'c', 'd', 'e']) + csvLine(cells);
    const records = parse(text, { relax_column_count: false }) as string[][];
    expect(records).toEqual([['a', 'b', 'c', 'd', 'e'], cells]);
  });
});

describe('encodeCsv', () => {
  const text = csvLine(['姓名', '备注']) + csvLine(['张三', '喜欢 😀 和 堃']);

  it('writes UTF-8 with a byte-order mark, so Excel on Chinese Windows does not guess GBK', () => {
    const bytes = encodeCsv(text, 'utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(text);
  });

  it('writes GB18030 without a BOM, and the bytes decode back to the same Chinese and emoji', () => {
    const bytes = encodeCsv(text, 'gb18030');
    // `"` then 姓 as GB18030's two bytes: no byte-order mark in front.
    expect([...bytes.subarray(0, 3)]).toEqual([0x22, 0xd0, 0xd5]);
    expect(bytes.includes(Buffer.from('张三', 'utf8'))).toBe(false);
    expect(iconv.decode(bytes, 'gb18030')).toBe(text);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
  });
});
