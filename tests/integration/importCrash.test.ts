import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it, onTestFinished } from 'vitest';
import { caller } from '../support/envelopes';
import { importer } from '../support/importCalls';
import { openTempBackend, REPO_ROOT, tempDir } from '../support/tempBackend';

/**
 * The machine loses power (or the process is killed) in the middle of a commit: the one
 * transaction never committed, so the database opens intact with none of the batch in it.
 */

const CLI = join(REPO_ROOT, 'out', 'main', 'cli.js');
const ROWS = 100_000;
/**
 * The commit's uncommitted pages spill into the -wal file once they outgrow the page cache, so a
 * WAL past this size means the import is writing (the migrations leave well under 1 MB).
 */
const WRITING_WAL_BYTES = 8 * 1024 * 1024;

function customersFile(dir: string): string {
  const lines = ['Name,Email,Phone,City'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`客户${i},c${i}@example.cn,+86 139${String(i).padStart(8, '0')},杭州`);
  }
  const file = join(dir, 'customers.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

const fileSize = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/** What the database holds, read straight from the file as it is on disk. */
function inspect(dbFile: string) {
  const db = new Database(dbFile);
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      customers: count('customers'),
      contacts: count('customer_contacts'),
      imports: count('imports'),
      batches: count('change_batches'),
      indexes: db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").all(),
    };
  } finally {
    db.close();
  }
}

it('a kill -9 mid-commit leaves an intact database with none of the batch, and the import then works', async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` before this test.`);
  const dataDir = tempDir('solocrm-crash-');
  const dbFile = join(dataDir, 'solocrm.db');
  const file = customersFile(tempDir('solocrm-crash-file-'));
  // A first run creates the database, so the state before the import can be read.
  execFileSync(process.execPath, [CLI, 'customers', 'list', '--json', '--data-dir', dataDir]);
  const before = inspect(dbFile);
  expect(before).toMatchObject({ integrity: 'ok', customers: 0, imports: 0 });

  const child = spawn(process.execPath, [CLI, 'import', 'customers', file, '--data-dir', dataDir, '--json'], {
    stdio: 'ignore',
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  while (fileSize(`${dbFile}-wal`) < WRITING_WAL_BYTES) {
    // Finishing (or failing) on its own would mean the kill never landed mid-commit.
    expect(child.exitCode, 'the import ended before it could be killed').toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(child.exitCode).toBeNull();
  child.kill('SIGKILL');
  expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });

  expect(inspect(dbFile)).toEqual(before);

  // The owner starts the app again and imports the same file.
  const reopened = openTempBackend({ dir: dataDir });
  onTestFinished(() => reopened.cleanup());
  const imports = importer(caller(() => reopened.backend));
  const { fileId, preview } = await imports.preview(readFileSync(file), 'customers.csv');
  const done = await imports.run('imports.commit', fileId, preview);
  expect(done.counts).toMatchObject({ rows: ROWS, create: ROWS, reject: 0 });
  expect(inspect(dbFile)).toMatchObject({ integrity: 'ok', customers: ROWS, imports: 1 });
}, 300_000);
