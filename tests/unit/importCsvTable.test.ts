import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { openCsvTable, previewRecords } from '../../src-main/imports/read/csvTable';
import { importFixture, readRefusal, readTable } from '../support/importFiles';

describe('openCsvTable: records, lines and headers', () => {
  it('returns the headers and no rows for a header-only file', async () => {
    expect(await readTable(importFixture('姓名,手机\n'))).toEqual({ headers: ['姓名', '手机'], rows: [] });
  });

  it('reads CRLF, LF and CR-only line endings mixed in one file', async () => {
    const read = await readTable(importFixture('name,phone\r\nAnna,1\nBen,2\rCai,3\r\nDu,4'));
    expect(read.rows).toEqual([
      { line: 2, cells: ['Anna', '1'] },
      { line: 3, cells: ['Ben', '2'] },
      { line: 4, cells: ['Cai', '3'] },
      { line: 5, cells: ['Du', '4'] },
    ]);
  });

  it('reads an old Mac file with CR-only line endings', async () => {
    const read = await readTable(importFixture('name,phone\rAnna,1\rBen,2\r'));
    expect(read.rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [2, 'Anna'],
      [3, 'Ben'],
    ]);
  });

  it('keeps a quoted line break in its cell and numbers the following records by physical line', async () => {
    const text = 'name,notes\nAnna,"first line\nsecond line\nthird"\nBen,short\nCai,"a\r\nb"\nDu,x\n';
    const read = await readTable(importFixture(text));
    expect(read.rows).toEqual([
      { line: 2, cells: ['Anna', 'first line\nsecond line\nthird'] },
      { line: 5, cells: ['Ben', 'short'] },
      { line: 6, cells: ['Cai', 'a\nb'] },
      { line: 8, cells: ['Du', 'x'] },
    ]);
  });

  it('skips blank lines but counts them for line numbers', async () => {
    const read = await readTable(importFixture('name\n\nAnna\n\n\nBen\n'));
    expect(read.rows).toEqual([
      { line: 3, cells: ['Anna'] },
      { line: 6, cells: ['Ben'] },
    ]);
  });

  it('returns ragged rows with their own lengths', async () => {
    const read = await readTable(importFixture('a,b,c\n1,2\n1,2,3,4\n1,2,3,\n'));
    expect(read.rows.map((row) => row.cells)).toEqual([
      ['1', '2'],
      ['1', '2', '3', '4'],
      ['1', '2', '3', ''],
    ]);
  });

  it('returns blank and duplicate headers as they are (the preview flags them)', async () => {
    const read = await readTable(importFixture('姓名,,手机, 手机 ,\nA,B,C,D,E\n'));
    expect(read.headers).toEqual(['姓名', '', '手机', '手机', '']);
  });

  it('returns cells as written, spaces included, and trims only header cells', async () => {
    const read = await readTable(importFixture('  name  ,phone\n  Anna , 138 \n'));
    expect(read.headers).toEqual(['name', 'phone']);
    expect(read.rows[0]!.cells).toEqual(['  Anna ', ' 138 ']);
  });

  it('keeps emoji', async () => {
    const read = await readTable(importFixture('name,notes\n王五,👍🏻 likes 🍵\n'));
    expect(read.rows[0]!.cells).toEqual(['王五', '👍🏻 likes 🍵']);
  });

  it('reads the header from row 2 when a title line sits above it', async () => {
    const read = await readTable(importFixture('客户导出 2024-03-05\n姓名,手机\n张三,138\n'), {
      headerRow: 2,
    });
    expect(read).toEqual({ headers: ['姓名', '手机'], rows: [{ line: 3, cells: ['张三', '138'] }] });
  });

  it('with headerRow 0 gives blank headers and keeps the first record as data', async () => {
    const read = await readTable(importFixture('张三,138\n李四,139\n'), { headerRow: 0 });
    expect(read.headers).toEqual(['', '']);
    expect(read.rows).toEqual([
      { line: 1, cells: ['张三', '138'] },
      { line: 2, cells: ['李四', '139'] },
    ]);
  });

  it('keeps line numbers right when CR LF and a multibyte character fall on a read-chunk boundary', async () => {
    // The reader takes 64 KB at a time. Pad with filler lines so that a CR | LF ends the first
    // chunk, a quoted CR | LF the second, and the three bytes of 张 straddle the third.
    const CHUNK = 65_536;
    const filler = (bytes: number) => `x,${'y'.repeat(bytes - 3)}\n`;
    const first = 'name,notes\n' + filler(CHUNK - 11 - 4) + 'a,b\r';
    const second = '\n' + filler(CHUNK - 1 - 5) + 'q,"1\r';
    const third = '\n2"\n' + filler(CHUNK - 1 - 4 - 2) + 'z,';
    expect([first, second, third].map((part) => Buffer.byteLength(part))).toEqual([CHUNK, CHUNK, CHUNK - 1]);
    const read = await readTable(importFixture(`${first}${second}${third}张\n`));
    expect(read.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 7, 8]);
    expect(read.rows[1]!.cells).toEqual(['a', 'b']);
    expect(read.rows[3]!.cells).toEqual(['q', '1\n2']);
    expect(read.rows[5]!.cells).toEqual(['z', '张']);
  });
});

describe('openCsvTable: broken structure is refused with its line', () => {
  it('refuses an unclosed quote at the line where its record starts', async () => {
    const issue = await readRefusal(importFixture('name,notes\nAnna,ok\nBen,"never closed\nCai,x\nDu,y\n'));
    expect(issue).toMatchObject({ code: 'file_quote', params: { line: 3, column: 2 } });
  });

  it('keeps a quote inside an unquoted cell as typed, as Excel shows it; nothing runs into it', async () => {
    const read = await readTable(
      importFixture('name,screen\nAnna,"13"" laptop"\n\nZha"ng,5" phone\nBen,1\n'),
    );
    expect(read.rows).toEqual([
      { line: 2, cells: ['Anna', '13" laptop'] },
      { line: 4, cells: ['Zha"ng', '5" phone'] },
      { line: 5, cells: ['Ben', '1'] },
    ]);
  });

  it('refuses text after a closing quote in a large file with that line, not as a runaway record', async () => {
    const rest = 'someone,1\n'.repeat(200_000);
    const issue = await readRefusal(importFixture(`name,phone\nAnna,1\n"Ben"x,2\n${rest}`));
    expect(issue).toMatchObject({ code: 'file_quote', params: { line: 3, column: 1 } });
  });

  it('reads a doubled quote that a read-chunk boundary splits', async () => {
    const CHUNK = 65_536;
    const head = 'name,notes\n';
    const pad = 'x'.repeat(CHUNK - head.length - 'Ann,"a'.length - 1);
    // The first chunk ends between the two quotes of `""`.
    const text = `${head}Ann,"a${pad}"` + '"b"\nBen,2\n';
    expect(Buffer.byteLength(text.slice(0, text.indexOf('""') + 1))).toBe(CHUNK);
    const read = await readTable(importFixture(text));
    expect(read.rows).toEqual([
      { line: 2, cells: ['Ann', `a${pad}"b`] },
      { line: 3, cells: ['Ben', '2'] },
    ]);
  });

  it('refuses text after a closing quote', async () => {
    const issue = await readRefusal(importFixture('name,phone\n"Anna"x,138\n'));
    expect(issue).toMatchObject({ code: 'file_quote', params: { line: 2 } });
  });

  it('names the start line of a broken record that follows a multi-line cell', async () => {
    const issue = await readRefusal(importFixture('name,notes\nAnna,"a\nb\nc"\nBen,"oops\n'));
    expect(issue).toMatchObject({ code: 'file_quote', params: { line: 5 } });
  });
});

describe('openCsvTable: progress and cancel', () => {
  it('stops reading when cancelled, with the cancel error', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `person ${i},${i}`).join('\n');
    const file = importFixture(`name,n\n${lines}\n`);
    let seen = 0;
    const cancelled = new AppError('CANCELLED', 'Cancelled by the owner');
    const table = await openCsvTable(
      file,
      { encoding: 'utf-8', delimiter: ',', headerRow: 1 },
      {
        checkCancelled: () => {
          if (seen === 10) throw cancelled;
        },
      },
    );
    const read = async () => {
      for await (const row of table.rows) {
        expect(row.cells[0]).toBe(`person ${seen}`);
        seen++;
      }
    };
    await expect(read()).rejects.toBe(cancelled);
    expect(seen).toBe(10);
  });

  it('reports progress in steps of at least 64 KB and ends at the file size', async () => {
    const file = importFixture(`name,n\n${'someone,1\n'.repeat(40_000)}`);
    const reports: number[][] = [];
    const table = await openCsvTable(
      file,
      { encoding: 'utf-8', delimiter: ',', headerRow: 1 },
      { onProgress: (done, total) => reports.push([done, total]) },
    );
    let rows = 0;
    for await (const _row of table.rows) rows++;
    expect(rows).toBe(40_000);
    expect(reports.at(-1)).toEqual([400_007, 400_007]);
    expect(reports.length).toBeGreaterThan(2);
    expect(reports.length).toBeLessThanOrEqual(Math.ceil(400_007 / 65_536) + 1);
    const steps = reports.slice(1).map(([done], i) => done! - reports[i]![0]!);
    expect(steps.every((step) => step > 0)).toBe(true);
  });

  it('can be closed after reading only the headers', async () => {
    const table = await openCsvTable(importFixture('name\nAnna\n'), {
      encoding: 'utf-8',
      delimiter: ',',
      headerRow: 1,
    });
    expect(table.headers).toEqual(['name']);
    table.close();
  });
});

describe('previewRecords: the first rows of a head', () => {
  it('drops a last record the head boundary may have cut', () => {
    expect(previewRecords('name,phone\nAnna,138\nBen,13', ',', 10)).toEqual({
      records: [
        { line: 1, cells: ['name', 'phone'] },
        { line: 2, cells: ['Anna', '138'] },
      ],
      complete: false,
    });
  });

  it('keeps every record when the head ends with a line break', () => {
    expect(previewRecords('name\r\nAnna\r\n', ',', 10)).toEqual({
      records: [
        { line: 1, cells: ['name'] },
        { line: 2, cells: ['Anna'] },
      ],
      complete: true,
    });
  });

  it('keeps the last record when the head is the whole file', () => {
    expect(previewRecords('name\nAnna', ',', 10, true).records.map((r) => r.cells)).toEqual([
      ['name'],
      ['Anna'],
    ]);
  });

  it('stops at maxRecords and says there is more', () => {
    const preview = previewRecords('a\nb\nc\nd\n', ',', 2);
    expect(preview).toEqual({
      records: [
        { line: 1, cells: ['a'] },
        { line: 2, cells: ['b'] },
      ],
      complete: false,
    });
  });

  it('shows the records before a head that ends inside a quoted cell', () => {
    const preview = previewRecords('name,notes\nAnna,x\nBen,"long note\nstill going', ',', 10);
    expect(preview.records.map((r) => r.cells[0])).toEqual(['name', 'Anna']);
    expect(preview.complete).toBe(false);
  });

  it('shows the records before a misplaced closing quote (the dry run reports it)', () => {
    const preview = previewRecords('name\nAnna\n"Zha"ng\nBen\n', ',', 10);
    expect(preview).toEqual({
      records: [
        { line: 1, cells: ['name'] },
        { line: 2, cells: ['Anna'] },
      ],
      complete: false,
    });
  });

  it('numbers records by physical line across quoted line breaks and mixed endings', () => {
    const preview = previewRecords('\uFEFFname,notes\r"A","1\r\n2"\rB,3\n', ',', 10);
    expect(preview.records).toEqual([
      { line: 1, cells: ['name', 'notes'] },
      { line: 2, cells: ['A', '1\n2'] },
      { line: 4, cells: ['B', '3'] },
    ]);
  });
});
