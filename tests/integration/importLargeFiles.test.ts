import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsvTable } from '../../src-main/imports/read/csvTable';
import type { SourceRow } from '../../src-main/imports/read/types';
import { readRefusal } from '../support/importFiles';
import { tempDir } from '../support/tempBackend';

const MB = 1024 * 1024;

describe('huge records are refused on their line, never swallowed', () => {
  it('refuses a 10 MB quoted field as a record too large, naming the line it starts on', async () => {
    const file = join(tempDir(), 'giant-field.csv');
    writeFileSync(file, `name,notes\nAnna,ok\n\nBen,"${'x'.repeat(10 * MB)}"\nCai,1\n`);
    const issue = await readRefusal(file);
    expect(issue).toMatchObject({ code: 'file_record_too_large', params: { line: 4, max: 1 } });
  });

  it('refuses a 10 MB file with no line breaks at all', async () => {
    const file = join(tempDir(), 'one-line.csv');
    writeFileSync(file, 'x'.repeat(10 * MB));
    const issue = await readRefusal(file);
    // The first record is the header: the refusal comes before any table is returned.
    expect(issue).toMatchObject({ code: 'file_record_too_large', params: { line: 1 } });
  });

  it('stops an unclosed quote at the size limit instead of reading the rest of the file into one cell', async () => {
    const file = join(tempDir(), 'unclosed.csv');
    writeFileSync(file, `name,notes\nAnna,"never closed\n${'Ben,a short row\n'.repeat(200_000)}`);
    const issue = await readRefusal(file);
    expect(issue).toMatchObject({ code: 'file_record_too_large', params: { line: 2 } });
    expect(issue.message).toContain('quote');
  });
});

describe('a ~100 MB file streams in bounded memory', () => {
  it('reads every row with memory growth under 200 MB', async () => {
    const file = join(tempDir(), 'large.csv');
    const line =
      '张三,+86 138 0013 8000,zhang.san@example.cn,"北京市朝阳区\n建国路 88 号",2024-03-05,"1,234.50"\n';
    const rowsPerBlock = Math.floor(MB / Buffer.byteLength(line));
    const block = Buffer.from(line.repeat(rowsPerBlock));
    const blocks = Math.ceil((100 * MB) / block.length);
    const fd = openSync(file, 'w');
    writeSync(fd, 'name,phone,email,address,date,amount\n');
    for (let i = 0; i < blocks; i++) writeSync(fd, block);
    closeSync(fd);

    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    let rows = 0;
    let last: SourceRow | null = null;
    const table = await openCsvTable(file, { encoding: 'utf-8', delimiter: ',', headerRow: 1 });
    for await (const row of table.rows) {
      if (++rows % 20_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
      last = row;
    }

    expect(rows).toBe(rowsPerBlock * blocks);
    // Two physical lines per record: the last one starts two lines before the end.
    expect(last).toEqual({
      line: 2 * rows,
      cells: [
        '张三',
        '+86 138 0013 8000',
        'zhang.san@example.cn',
        '北京市朝阳区\n建国路 88 号',
        '2024-03-05',
        '1,234.50',
      ],
    });
    expect((peakRss - rssBefore) / MB).toBeLessThan(200);
  }, 60_000);
});
