// A job worker for tests/integration/jobRunner.test.ts: it opens a write transaction, writes a
// tag, and on its first run keeps allocating until V8 stops it for running out of memory (the
// transaction still open). On a later run it commits and reports the tag count.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const sqlite = new Database(workerData.dbFile);
sqlite.exec('BEGIN IMMEDIATE');
sqlite
  .prepare("INSERT INTO tags (uid, created_at, updated_at, name, color) VALUES (?, 1, 1, ?, '#000000')")
  .run(`attempt-${Date.now()}`, workerData.job.tagName);
const firstRun = join(workerData.dataDir, 'first-attempt-ran');
if (!existsSync(firstRun)) {
  writeFileSync(firstRun, '');
  const kept = [];
  for (;;) kept.push(Array.from({ length: 10_000 }, Math.random));
}
sqlite.exec('COMMIT');
const { count } = sqlite
  .prepare('SELECT count(*) AS count FROM tags WHERE name = ?')
  .get(workerData.job.tagName);
sqlite.close();
parentPort.postMessage({ type: 'done', result: { count } });
