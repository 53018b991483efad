import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendIn, fileWith, names, solocrmIn } from '../support/cliRun';
import { tempDir } from '../support/tempBackend';

/** Refused `solocrm import` runs: the exit code, a message naming what to fix, and nothing imported. */

const SOME_CSV = 'Name,Email\nAnn,ann@example.com\n';

describe('solocrm import: refused input', () => {
  /** A refused run in an empty data folder: its code, what it said, and what it left there. */
  async function refused(...args: string[]) {
    const dir = tempDir();
    const run = await solocrmIn(dir)(...args);
    expect(run.stdout).toBe('');
    return { ...run, dir, left: readdirSync(dir) };
  }

  it('--on-match maybe is refused naming --on-match, before any database is made', async () => {
    const run = await refused('import', 'customers', fileWith('c.csv', SOME_CSV), '--on-match', 'maybe');
    expect([1, 2]).toContain(run.code);
    expect(run.stderr).toContain('--on-match');
    expect(run.left).toEqual([]);
  });

  it('--encoding klingon is refused naming --encoding and the encodings it takes', async () => {
    const run = await refused('import', 'customers', fileWith('c.csv', SOME_CSV), '--encoding', 'klingon');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--encoding');
    expect(run.stderr).toContain('"klingon"');
    expect(run.stderr).toContain('gb18030');
    expect(run.left).toEqual([]);
  });

  it('no file named: exits 2 asking for one', async () => {
    const run = await refused('import', 'customers');
    expect(run).toMatchObject({ code: 2, left: [] });
    expect(run.stderr).toContain('Name the file to import');
  });

  it('no kind named: exits 2 listing customers, orders and conversations', async () => {
    const run = await refused('import', 'people.csv');
    expect(run).toMatchObject({ code: 2, left: [] });
    expect(run.stderr).toMatch(/customers, orders or conversations/);
  });

  it('a file that does not exist: exits 1 naming the path, nothing imported', async () => {
    const missing = join(tempDir('solocrm-files-'), 'nosuch.csv');
    const run = await refused('import', 'customers', missing);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(missing);
    expect(await names(run.dir)).toEqual([]);
  });

  it('a folder instead of a file: exits 1 naming the folder, nothing imported', async () => {
    const folder = tempDir('solocrm-files-');
    const run = await refused('import', 'customers', folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(folder);
    expect(run.stderr).not.toMatch(/EISDIR/);
  });

  it('an empty file: exits 1 saying it is empty', async () => {
    const run = await refused('import', 'customers', fileWith('empty.csv', ''));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The file is empty');
  });

  it('an Excel workbook: exits 1 asking for a CSV saved from Excel', async () => {
    const zip = Buffer.from('504b030414000600080000002100', 'hex');
    const run = await refused('import', 'customers', fileWith('customers.xlsx', zip));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Excel workbook.*Save it as CSV/);
  });

  it('--currency POUNDS exits 1 naming --currency, before any database is made', async () => {
    const run = await refused('import', 'orders', fileWith('o.csv', SOME_CSV), '--currency', 'POUNDS');
    expect(run).toMatchObject({ code: 1, left: [] });
    expect(run.stderr).toContain('--currency');
  });

  it('--customer-by email,nickname exits 1 naming --customer-by and the keys it takes', async () => {
    const run = await refused(
      'import',
      'orders',
      fileWith('o.csv', SOME_CSV),
      '--customer-by',
      'email,nickname',
    );
    expect(run).toMatchObject({ code: 1, left: [] });
    expect(run.stderr).toContain('--customer-by');
    expect(run.stderr).toContain('externalId');
  });

  it('--mapping with a template for another number of columns exits 1 saying both counts', async () => {
    const dir = tempDir();
    await backendIn(dir)('importTemplates.save', {
      name: 'Three columns',
      kind: 'customers',
      headers: ['Kunde', 'Post', 'Handy'],
      mapping: ['name', 'email', 'phone'],
    });
    const run = await solocrmIn(dir)(
      'import',
      'customers',
      fileWith('c.csv', SOME_CSV),
      '--mapping',
      'Three columns',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('maps 3 columns; the file has 2');
    expect(await names(dir)).toEqual([]);
  });

  it('an unknown flag exits 2 naming it', async () => {
    const run = await refused('import', 'customers', fileWith('c.csv', SOME_CSV), '--on-mach', 'skip');
    expect(run).toMatchObject({ code: 2, left: [] });
    expect(run.stderr).toContain('--on-mach');
  });

  it('import undo abc exits 2; undo of an import that does not exist exits 1 naming it', async () => {
    const bad = await refused('import', 'undo', 'abc');
    expect(bad).toMatchObject({ code: 2, left: [] });
    const missing = await solocrmIn(bad.dir)('import', 'undo', '999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('999');
  });
});
