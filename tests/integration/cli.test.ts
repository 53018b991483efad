import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run';
import type { CustomerPage } from '../../src-shared/contract';
import { MIGRATIONS_DIR, PACKAGE_VERSION, REPO_ROOT, sha256OfFile, tempDir } from '../support/tempBackend';

const FILES = { migrationsDir: MIGRATIONS_DIR, version: PACKAGE_VERSION };

/** One in-process CLI run, with what it printed. The environment is empty unless given. */
async function cli(argv: string[], env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(argv, {
    io: { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) },
    env,
    files: FILES,
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

async function listJson(dataDir: string): Promise<CustomerPage> {
  const run = await cli(['customers', 'list', '--json', '--data-dir', dataDir]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as CustomerPage;
}

describe('solocrm (in process)', () => {
  it('--version prints the package version', async () => {
    const run = await cli(['--version']);
    expect(run).toEqual({ code: 0, stdout: PACKAGE_VERSION, stderr: '' });
  });

  it('customers add --json prints the new customer; list --json shows it', async () => {
    const dir = tempDir();
    const add = await cli([
      'customers',
      'add',
      '--name',
      '张三',
      '--email',
      'zs@example.com',
      '--data-dir',
      dir,
      '--json',
    ]);
    expect(add.code).toBe(0);
    expect(add.stderr).toBe('');
    const created = JSON.parse(add.stdout) as { id: number; name: string; email: string };
    expect(created).toMatchObject({ id: expect.any(Number), name: '张三', email: 'zs@example.com' });

    const page = await listJson(dir);
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ id: created.id, name: '张三', email: 'zs@example.com' });
  });

  it('lists as a table for people, and says so when there is nobody yet', async () => {
    const dir = tempDir();
    expect((await cli(['customers', 'list', '--data-dir', dir])).stdout).toMatch(/No customers yet/);
    await cli(['customers', 'add', '--name', '张三', '--city', '杭州', '--data-dir', dir]);
    const table = await cli(['--data-dir', dir, 'customers', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+Name\s+Company\s+Email\s+Phone\s+City$/);
    expect(table.stdout).toMatch(/张三\s+杭州/);
  });

  it('a bad email exits 1, names --email on stderr, and adds nothing', async () => {
    const dir = tempDir();
    const run = await cli([
      'customers',
      'add',
      '--name',
      'Ann',
      '--email',
      'ann-at-example',
      '--data-dir',
      dir,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').some((line) => line.includes('--email'))).toBe(true);
    expect((await listJson(dir)).total).toBe(0);
  });

  it('a bad --page-size is reported under the flag the person typed', async () => {
    const dir = tempDir();
    const run = await cli(['customers', 'list', '--page-size', 'lots', '--data-dir', dir]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--page-size');
  });

  it('an unknown command exits 2 and touches no data folder', async () => {
    const dir = tempDir();
    const unknown = await cli(['frobnicate', '--data-dir', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('frobnicate');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a mistyped flag exits 2 and, like any usage error, creates or changes nothing', async () => {
    const dir = tempDir();
    const badFlag = await cli(['customers', 'add', '--nmae', 'Ann', '--data-dir', dir]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--nmae');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('SOLOCRM_DATA_DIR is used when --data-dir is not given', async () => {
    const dir = tempDir();
    expect((await cli(['customers', 'add', '--name', 'Ann'], { SOLOCRM_DATA_DIR: dir })).code).toBe(0);
    expect((await listJson(dir)).rows.map((c) => c.name)).toEqual(['Ann']);
  });

  it('a data folder whose solocrm.db is not a database exits 1 with a clear message, file untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'solocrm.db');
    writeFileSync(file, 'name,email\n张三,zs@example.com\n');
    const before = sha256OfFile(file);
    const run = await cli(['customers', 'list', '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/could not be opened as a SoloCRM database/);
    expect(sha256OfFile(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['solocrm.db']);
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
