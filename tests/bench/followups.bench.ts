import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, test } from 'vitest';
import { createBackend } from '../../src-main/backend/createBackend';
import type { ChannelOutput } from '../../src-shared/contract';
import { call } from './benchBackend';
import { percentiles, printBench, time } from './report';

// The follow-up automation (keep-in-touch cadences, birthdays, rules) runs every five minutes in
// the backend's own process, the one that answers the window: it must stay a few milliseconds of
// index reads however many customers there are. Floor: the same candidate reads as bare statements.
const CUSTOMERS = 100_000;
const FIVE_MINUTES = 5 * 60_000;

const dir = mkdtempSync(join(tmpdir(), 'solocrm-bench-followups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test(`follow-up automation over ${CUSTOMERS.toLocaleString('en')} customers`, async () => {
  let now = Date.now();
  const dbFile = join(dir, 'solocrm.db');
  const backend = createBackend({
    dbFile,
    migrationsDir: resolve('migrations'),
    workerFile: resolve('out/main/worker.js'),
    door: 'test',
    version: 'bench',
    reminders: true,
    clock: { now: () => now },
  });
  try {
    await call<ChannelOutput<'demo.load'>>(backend, 'demo.load', {
      customers: CUSTOMERS,
      ordersPerCustomer: 1,
      seed: 7,
    });
    const raw = new Database(dbFile);
    // One customer in twenty keeps in touch every 30 days (the demo sets no cadences).
    raw.prepare('UPDATE customers SET keep_in_touch_days = 30 WHERE id % 20 = 0').run();
    const birthdays = (
      raw.prepare('SELECT count(*) AS n FROM customers WHERE birthday IS NOT NULL').get() as {
        n: number;
      }
    ).n;
    // The first pass writes what is due; the passes after it are what runs every five minutes.
    const first = time(() => backend.checkReminders());
    const passes: number[] = [];
    for (let i = 0; i < 7; i++) {
      now += FIVE_MINUTES + 1;
      passes.push(time(() => backend.checkReminders()).ms);
    }
    const floors: number[] = [];
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      raw
        .prepare(
          `SELECT id FROM customers INDEXED BY customers_keep_in_touch_idx
           WHERE keep_in_touch_days IS NOT NULL AND deleted_at IS NULL`,
        )
        .all();
      raw
        .prepare(
          `SELECT id FROM customers INDEXED BY customers_birthday_month_day_idx
           WHERE birthday IS NOT NULL AND deleted_at IS NULL AND substr(birthday, 6) IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(['12-01', '12-02', '12-03', '12-04', '12-05', '12-06', '12-07', '12-08']));
      floors.push(performance.now() - started);
    }
    const tasks = (raw.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
    raw.close();
    expect(tasks).toBeGreaterThan(0);
    const pass = percentiles(passes);
    printBench(
      `Follow-up automation, ${CUSTOMERS.toLocaleString('en')} customers (${birthdays.toLocaleString('en')} birthdays, ${(CUSTOMERS / 20).toLocaleString('en')} cadences); median of 7`,
      [
        {
          name: 'a five-minute pass (nothing new due)',
          ms: pass.median,
          p95Ms: pass.p95,
          operations: CUSTOMERS,
          floorMs: percentiles(floors).median,
        },
      ],
    );
    console.log(`  first pass, writing ${tasks.toLocaleString('en')} follow-ups: ${first.ms.toFixed(0)} ms`);
  } finally {
    backend.close();
  }
}, 600_000);
