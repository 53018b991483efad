import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput, Customer, CustomerPage } from '../../src-shared/contract';
import { runSolocrm, solocrmIn } from '../support/cliRun';
import { PACKAGE_VERSION, REPO_ROOT, sha256OfFile, tempDir } from '../support/tempBackend';

/** One run in a fresh, empty data folder, with what it left there (`left`: the folder's entries). */
async function cliInNewFolder(...args: string[]) {
  const dir = tempDir();
  const run = await solocrmIn(dir)(...args);
  return { ...run, dir, left: readdirSync(dir) };
}

async function listJson(dataDir: string): Promise<CustomerPage> {
  const run = await solocrmIn(dataDir)('customers', 'list', '--json');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as CustomerPage;
}

describe('solocrm (in process)', () => {
  it('--version prints the package version', async () => {
    const run = await runSolocrm(['--version']);
    expect(run).toEqual({ code: 0, stdout: PACKAGE_VERSION, stderr: '' });
  });

  it('customers add --json prints the new customer; list --json shows it', async () => {
    const dir = tempDir();
    const add = await solocrmIn(dir)(
      'customers',
      'add',
      '--name',
      '张三',
      '--email',
      'zs@example.com',
      '--json',
    );
    expect(add.code).toBe(0);
    expect(add.stderr).toBe('');
    const created = JSON.parse(add.stdout) as Customer;
    expect(created).toMatchObject({ id: expect.any(Number), name: '张三', emails: ['zs@example.com'] });

    const page = await listJson(dir);
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ id: created.id, name: '张三', email: 'zs@example.com' });
  });

  it('lists as a table for people, and says so when there is nobody yet', async () => {
    const dir = tempDir();
    const solocrm = solocrmIn(dir);
    expect((await solocrm('customers', 'list')).stdout).toMatch(/No customers yet/);
    await solocrm('customers', 'add', '--name', '张三', '--city', '杭州');
    // --data-dir may come first too.
    const table = await runSolocrm(['--data-dir', dir, 'customers', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+Name\s+Company\s+Email\s+Phone\s+City$/);
    expect(table.stdout).toMatch(/张三\s+杭州/);
  });

  it('a bad email exits 1, names --email on stderr, and adds nothing', async () => {
    const run = await cliInNewFolder('customers', 'add', '--name', 'Ann', '--email', 'ann-at-example');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').some((line) => line.includes('--email'))).toBe(true);
    expect((await listJson(run.dir)).total).toBe(0);
  });

  it('add takes --email and --phone more than once; the first of each is the primary one', async () => {
    const dir = tempDir();
    const emails = ['--email', 'ls@example.com', '--email', 'li.si@gmail.com'];
    const phones = ['--phone', '138 0013 8000', '--phone', '021-6234 5678'];
    const add = await solocrmIn(dir)('customers', 'add', '--name', '李四', ...emails, ...phones, '--json');
    expect(add.code).toBe(0);
    const created = JSON.parse(add.stdout) as Customer;
    expect(created.emails).toEqual(['ls@example.com', 'li.si@gmail.com']);
    expect(created.phones).toEqual([
      { value: '138 0013 8000', e164: '+8613800138000', valid: true },
      { value: '021-6234 5678', e164: '+862162345678', valid: true },
    ]);
    expect((await listJson(dir)).rows[0]).toMatchObject({ email: 'ls@example.com', phone: '138 0013 8000' });
  });

  it('a bad second --email is named with what was typed; nothing is created, not even the database', async () => {
    const emails = ['--email', 'ann@example.com', '--email', 'ann-at-work'];
    const run = await cliInNewFolder('customers', 'add', '--name', 'Ann', ...emails);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--email "ann-at-work"');
    expect(run.stderr).not.toContain('ann@example.com');
    expect(run.left).toEqual([]);
  });

  it('a bad --page-size is reported under the flag the person typed', async () => {
    const run = await cliInNewFolder('customers', 'list', '--page-size', 'lots');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--page-size');
  });

  it('an unknown command exits 2 and touches no data folder', async () => {
    const unknown = await cliInNewFolder('frobnicate');
    expect(unknown).toMatchObject({ code: 2, left: [] });
    expect(unknown.stderr).toContain('frobnicate');
  });

  it('a mistyped flag exits 2 and, like any usage error, creates or changes nothing', async () => {
    const badFlag = await cliInNewFolder('customers', 'add', '--nmae', 'Ann');
    expect(badFlag).toMatchObject({ code: 2, left: [] });
    expect(badFlag.stderr).toContain('--nmae');
  });

  it('SOLOCRM_DATA_DIR is used when --data-dir is not given', async () => {
    const dir = tempDir();
    expect((await runSolocrm(['customers', 'add', '--name', 'Ann'], { SOLOCRM_DATA_DIR: dir })).code).toBe(0);
    expect((await listJson(dir)).rows.map((c) => c.name)).toEqual(['Ann']);
  });

  it('a data folder whose solocrm.db is not a database exits 1 with a clear message, file untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'solocrm.db');
    writeFileSync(file, 'name,email\n张三,zs@example.com\n');
    const before = sha256OfFile(file);
    const run = await solocrmIn(dir)('customers', 'list');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/could not be opened as a SoloCRM database/);
    expect(sha256OfFile(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['solocrm.db']);
  });
});

describe('solocrm demo', () => {
  it('fills an empty data folder and prints the counts and the time it took', async () => {
    const dir = tempDir();
    const run = await solocrmIn(dir)(
      'demo',
      '--customers',
      '40',
      '--orders-per-customer',
      '3',
      '--seed',
      '5',
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^Added 40 customers, \d+ orders, \d+ conversations and \d+ feedback answers in \d+\.\d s\.$/,
    );
    expect((await listJson(dir)).total).toBe(40);
  });

  it('on a database that has customers: exits 1, says why, and adds nothing', async () => {
    const dir = tempDir();
    const solocrm = solocrmIn(dir);
    await solocrm('customers', 'add', '--name', 'Ann');
    const run = await solocrm('demo', '--customers', '40');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/only goes into an empty database.*1 customer/);
    expect((await listJson(dir)).rows.map((row) => row.name)).toEqual(['Ann']);
  });

  it('--customers 0 exits 1 naming the flag, before any database is created', async () => {
    const run = await cliInNewFolder('demo', '--customers', '0');
    expect(run).toMatchObject({ code: 1, left: [] });
    expect(run.stderr).toContain('--customers');
  });

  it('--orders-per-customer that is not a number exits 1 naming that flag', async () => {
    const run = await cliInNewFolder('demo', '--customers', '10', '--orders-per-customer', 'many');
    expect(run).toMatchObject({ code: 1, left: [] });
    expect(run.stderr).toContain('--orders-per-customer');
  });
});

describe('solocrm customers search / show', () => {
  async function demoFolder() {
    const dir = tempDir();
    expect((await solocrmIn(dir)('demo', '--customers', '60', '--seed', '11')).code).toBe(0);
    return { dir, rows: (await listJson(dir)).rows };
  }

  it('search --json returns the hits and the query time; the text form prints both', async () => {
    const { dir, rows } = await demoFolder();
    const target = rows.find((row) => row.phone && row.phone.replace(/\D/g, '').length >= 11)!;
    const digits = target.phone!.replace(/\D/g, '').slice(-8, -3);
    const solocrm = solocrmIn(dir);
    const json = await solocrm('customers', 'search', digits, '--json');
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as ChannelOutput<'customers.search'>;
    expect(result.tookMs).toEqual(expect.any(Number));
    expect(result.hits.map((hit) => hit.customer.id)).toContain(target.id);

    const text = await solocrm('customers', 'search', target.name);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^ID\s+Name\s+Company\s+Phone\s+City\s+Matched$/);
    expect(text.stdout).toContain(target.name);
    expect(text.stdout).toMatch(/\d+ result\(s\) in \d+(\.\d+)? ms\.$/);
  });

  it('search with empty text exits 1 and says what to give, before opening anything', async () => {
    const run = await cliInNewFolder('customers', 'search', '  ');
    expect(run).toMatchObject({ code: 1, left: [] });
    expect(run.stderr).toMatch(/text to search for/);
  });

  it('show --json prints the full record; the text form shows phones and tags', async () => {
    const { dir, rows } = await demoFolder();
    const target = rows.find((row) => row.tags.length > 0 && row.phone)!;
    const solocrm = solocrmIn(dir);
    const json = await solocrm('customers', 'show', String(target.id), '--json');
    expect(json.code).toBe(0);
    const customer = JSON.parse(json.stdout) as Customer;
    expect(customer).toMatchObject({ id: target.id, name: target.name, tags: target.tags });
    expect(customer.phones[0]?.value).toBe(target.phone);
    expect(customer.stats.orderCount).toBe(target.orderCount);

    const text = await solocrm('customers', 'show', String(target.id));
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(`#${target.id} ${target.name}`);
    expect(text.stdout).toMatch(new RegExp(`Phones:\\s+${target.phone!.replace(/[+]/g, '\\+')}`));
    expect(text.stdout).toMatch(new RegExp(`Tags:\\s+${target.tags.map((tag) => tag.name).join(', ')}`));
  });

  it('show abc exits 1 naming "abc"; a missing id exits 1 naming that id', async () => {
    const bad = await cliInNewFolder('customers', 'show', 'abc');
    expect(bad).toMatchObject({ code: 1, left: [] });
    expect(bad.stderr).toContain('"abc" is not a customer id');
    const missing = await solocrmIn(bad.dir)('customers', 'show', '999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('999');
  });
});

describe('the built bin', () => {
  it('`npx solocrm` runs it from the repository, as the README says', () => {
    const bin = join(REPO_ROOT, 'out', 'main', 'cli.js');
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` before this test.`);
    const dataDir = tempDir();
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const run = (...args: string[]) =>
      execFileSync(npx, ['--no-install', 'solocrm', ...args, '--data-dir', dataDir], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 30_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    expect(run('--version').trim()).toBe(PACKAGE_VERSION);
    run('customers', 'add', '--name', '张三', '--email', 'zs@example.com');
    const listed = JSON.parse(run('customers', 'list', '--json')) as { rows: { name: string }[] };
    expect(listed.rows.map((row) => row.name)).toEqual(['张三']);
  });
});
