import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, type Logger } from '../../src-main/core/logger';
import { openDatabase } from '../../src-main/db/open';
import type { Job } from '../../src-main/jobs/jobs';
import { JobRunner } from '../../src-main/jobs/runner';

/**
 * A capped job that runs out of memory dies with its transaction open. What makes the cap safe:
 * SQLite rolls that transaction back as the worker goes, nothing of it stays, the database is not
 * left locked, and the runner runs the job again without the cap.
 */

const WORKER = resolve('tests/support/workers/outOfMemoryOnce.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setUp(heapCapMb: number | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), 'solocrm-jobs-'));
  dirs.push(dataDir);
  const dbFile = join(dataDir, 'solocrm.db');
  const { sqlite } = openDatabase({
    file: dbFile,
    migrationsDir: resolve('migrations'),
    logger: silentLogger,
  });
  const warnings: string[] = [];
  const logger: Logger = { ...silentLogger, warn: (message) => warnings.push(message) };
  const runner = new JobRunner({
    workerFile: WORKER,
    dbFile,
    dataDir,
    now: () => 0,
    logger,
    onProgress: () => {},
    heapCapMb: () => heapCapMb,
  });
  // A writing job, as far as the runner can tell; the fixture worker reads `tagName`.
  const job = { type: 'demo', tagName: 'from-the-job' } as unknown as Job;
  return { sqlite, runner, job, warnings };
}

const tagsNamed = (sqlite: Database.Database, name: string) =>
  (sqlite.prepare('SELECT count(*) AS count FROM tags WHERE name = ?').get(name) as { count: number }).count;

/** The database is whole and nobody holds its write lock. */
function expectWholeAndWritable(sqlite: Database.Database) {
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  sqlite.exec('BEGIN IMMEDIATE');
  sqlite.exec('ROLLBACK');
}

describe('a background job that runs out of memory', () => {
  it('under a cap: its open transaction is rolled back and it runs once more, uncapped', async () => {
    const { sqlite, runner, job, warnings } = setUp(32);
    const result = await runner.run('job-1', job);
    // The first attempt's row was rolled back; only the second attempt's is there.
    expect(result).toEqual({ count: 1 });
    expect(tagsNamed(sqlite, 'from-the-job')).toBe(1);
    expect(warnings).toEqual([expect.stringContaining('needed more than 32 MB')]);
    expectWholeAndWritable(sqlite);
    sqlite.close();
  });

  it('is not run again once the owner has cancelled it', async () => {
    const { sqlite, runner, job, warnings } = setUp(32);
    const running = runner.run('job-2', job);
    expect(runner.cancel('job-2')).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(tagsNamed(sqlite, 'from-the-job')).toBe(0);
    expect(warnings).toEqual([]);
    expectWholeAndWritable(sqlite);
    sqlite.close();
  });
});
