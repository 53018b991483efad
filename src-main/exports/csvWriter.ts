import iconv from 'iconv-lite';

/**
 * RFC 4180 output. Every field is quoted, not only those with `,` `"` or a line break: the cost is
 * two bytes a cell, and no reader can then split a cell that starts with a quote, a space or a
 * full-width comma some tools treat as a delimiter. Cells arrive already guarded against formulas
 * (see exportColumns.ts: the one place that decides which guard a cell gets).
 */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')}\r\n`;
}

export type CsvEncoding = 'utf-8' | 'gb18030';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The file's bytes. UTF-8 gets a byte-order mark: without it Excel on Chinese Windows decodes
 * the file as GBK and shows mojibake. GB18030 (for older tools) has no BOM and, unlike GBK,
 * encodes every character, emoji included.
 */
export function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}
