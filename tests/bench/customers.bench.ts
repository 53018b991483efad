import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createBackend } from '../../src-main/backend/createBackend';
import { silentLogger } from '../../src-main/core/logger';
import { openDatabase } from '../../src-main/db/open';
import { printBench, time, timeAsync } from './report';

const COUNT = 10_000;
const PAGE = 500;
const dir = mkdtempSync(join(tmpdir(), 'solocrm-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const person = (i: number) => ({
  name: `客户 ${i}`,
  company: `Company ${i % 300}`,
  emails: [`c${i}@example.com`],
  phones: [`1380013${String(i).padStart(4, '0')}`],
  city: i % 2 ? '上海' : 'Berlin',
});

test(`create and list ${COUNT.toLocaleString('en')} customers through dispatch, beside bare SQLite`, async () => {
  // Floor: the same rows through a bare prepared statement on a database opened the same way.
  const floorDb = openDatabase({
    file: join(dir, 'floor.db'),
    migrationsDir: resolve('migrations'),
    logger: silentLogger,
  });
  const insert = floorDb.sqlite.prepare(
    'INSERT INTO customers (uid, name, company, email, phone, city, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const floorCreate = time(() => {
    for (let i = 0; i < COUNT; i++) {
      const c = person(i);
      insert.run(`uid-${i}`, c.name, c.company, c.emails[0], c.phones[0], c.city, i, i);
    }
  });
  const select = floorDb.sqlite.prepare(
    'SELECT * FROM customers WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?',
  );
  const floorList = time(() => {
    for (let page = 0; page < COUNT / PAGE; page++) select.all(PAGE, page * PAGE);
  });
  floorDb.sqlite.close();

  const backend = createBackend({
    dbFile: join(dir, 'app.db'),
    migrationsDir: resolve('migrations'),
    workerFile: resolve('out/main/worker.js'),
    door: 'test',
    version: 'bench',
  });
  const create = await timeAsync(async () => {
    for (let i = 0; i < COUNT; i++) {
      const envelope = await backend.dispatch('customers.create', person(i));
      if (!envelope.ok) throw new Error(envelope.error.message);
    }
  });
  const list = await timeAsync(async () => {
    let seen = 0;
    for (let page = 0; page < COUNT / PAGE; page++) {
      const envelope = await backend.dispatch('customers.list', { offset: page * PAGE, limit: PAGE });
      if (envelope.ok) seen += (envelope.data as { rows: unknown[] }).rows.length;
    }
    return seen;
  });
  backend.close();

  printBench(`customers via dispatch (validate, insert, map, validate output) vs bare better-sqlite3`, [
    {
      name: `create ${COUNT} (one dispatch each)`,
      ms: create.ms,
      operations: COUNT,
      floorMs: floorCreate.ms,
    },
    { name: `list all in pages of ${PAGE}`, ms: list.ms, operations: COUNT / PAGE, floorMs: floorList.ms },
  ]);
  expect(list.result).toBe(COUNT);
});
