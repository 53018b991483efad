import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rfmFeatures } from '../../src-main/analytics/features';
import type { Backend } from '../../src-main/backend/createBackend';
import { call, openBenchBackend } from './benchBackend';
import { loadHistories } from '../../src-main/insights/load';
import type { AnalyticsRun, ChannelOutput, CustomerListInput } from '../../src-shared/contract';
import { solocrmIn } from '../support/cliRun';
import { appPeakRss } from './appMemory';
import { percentiles, printBench, sample, timeAsync, watch, type BenchRow } from './report';

// Issue 5 budgets: a full run on the imported Online Retail data (4,338 customers) <= 1 s;
// 100,000 customers / 1,000,000 orders <= 10 s and <= 500 MB peak, the window never frozen.
// The floor beside each: reading the same histories (one query) and computing R, F and M, the
// least any analysis of them does.
const RETAIL_FILE = resolve('..', 'shared', 'data', 'online_retail_uci.csv');
const RETAIL_BUDGET_MS = 1_000;
const LARGE_CUSTOMERS = 100_000;
const LARGE_BUDGET_MS = 10_000;
const MEMORY_BUDGET_MB = 500;
const LIST_BUDGET_MS = 30;

const dir = mkdtempSync(join(tmpdir(), 'solocrm-bench-analytics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const openBackend = (name: string) => openBenchBackend(dir, name);

/** The floor: the runner's own loading query and RFM features, on a connection of its own (median of 3). */
function floorMs(name: string, currency: string): number {
  const raw = new Database(join(dir, name, 'solocrm.db'), { readonly: true });
  try {
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const { histories, lastOrderAt } = loadHistories(raw, currency);
      rfmFeatures(histories, (lastOrderAt ?? Date.now()) + 1);
      samples.push(performance.now() - started);
    }
    return percentiles(samples).median;
  } finally {
    raw.close();
  }
}

/** Runs the engine `times` times through dispatch (each a fresh worker, as in the app). */
async function runs(backend: Backend, times: number) {
  const results: { wallMs: number; run: AnalyticsRun; startMb: number; peakMb: number; stallMs: number }[] =
    [];
  for (let i = 0; i < times; i++) {
    const watched = await watch(() => call<AnalyticsRun>(backend, 'analytics.run', { jobId: randomUUID() }));
    results.push({
      wallMs: watched.ms,
      run: watched.result,
      startMb: watched.startMb,
      peakMb: watched.peakMb,
      stallMs: watched.stallMs,
    });
  }
  return results;
}

function report(
  title: string,
  name: string,
  operations: number,
  budgetMs: number,
  floor: number,
  measured: Awaited<ReturnType<typeof runs>>,
  /** Peak RSS of the same run in the built app's own process (appMemory.ts), where measured. */
  appPeakMb?: number,
) {
  const wall = percentiles(measured.map((m) => m.wallMs));
  const stages = measured
    .at(-1)!
    .run.stages.map((stage) => `${stage.stage} ${Math.round(stage.ms)}`)
    .join(', ');
  printBench(title, [
    {
      name: `${name}, through dispatch`,
      ms: wall.median,
      p95Ms: wall.p95,
      operations,
      floorMs: floor,
      budgetMs,
    },
  ]);
  console.log(
    `  worker-measured run: ${percentiles(measured.map((m) => m.run.durationMs)).median} ms; stages (ms): ${stages}\n` +
      (appPeakMb === undefined
        ? ''
        : `  app peak RSS ${appPeakMb.toFixed(0)} MB (budget ${MEMORY_BUDGET_MB}, ` +
          `${appPeakMb <= MEMORY_BUDGET_MB ? 'within' : 'OVER'}): \`solocrm analytics run\` in its own process\n`) +
      `  bench process peak RSS ${Math.max(...measured.map((m) => m.peakMb)).toFixed(0)} MB ` +
      `(${Math.min(...measured.map((m) => m.startMb)).toFixed(0)} MB before the run: vitest and the bench's data), ` +
      `longest main-thread stall ${Math.max(...measured.map((m) => m.stallMs)).toFixed(0)} ms`,
  );
}

let retail: Backend | null = null;
let large: Backend;

beforeAll(async () => {
  if (existsSync(RETAIL_FILE)) {
    mkdirSync(join(dir, 'retail'));
    const imported = await solocrmIn(join(dir, 'retail'))(
      'import',
      'orders',
      RETAIL_FILE,
      '--customer-by',
      'externalId',
      '--create-customers',
      '--currency',
      'GBP',
    );
    expect(imported.code).toBe(0);
    retail = openBackend('retail');
  }
  large = openBackend('large');
  const load = await timeAsync(() =>
    call<ChannelOutput<'demo.load'>>(large, 'demo.load', {
      customers: LARGE_CUSTOMERS,
      ordersPerCustomer: 10,
      seed: 55,
    }),
  );
  console.log(
    `\ndemo data: ${load.result.customers.toLocaleString('en')} customers, ${load.result.orders.toLocaleString('en')} orders in ${(load.ms / 1000).toFixed(1)} s`,
  );
}, 900_000);

afterAll(() => {
  retail?.close();
  large?.close();
});

test('a full run on the imported Online Retail data', async () => {
  if (!retail) {
    console.log(`Online Retail skipped: ${RETAIL_FILE} is missing`);
    return;
  }
  const measured = await runs(retail, 5);
  expect(measured[0]!.run.counts.customersWithOrders).toBeGreaterThan(4_300);
  report(
    'Analytics, Online Retail (4,338 customers, 18,536 orders; median of 5)',
    'full run',
    4_338,
    RETAIL_BUDGET_MS,
    floorMs('retail', 'GBP'),
    measured,
  );
});

test(`a full run on ${LARGE_CUSTOMERS.toLocaleString('en')} customers / ~1,000,000 orders`, async () => {
  const measured = await runs(large, 2);
  expect(measured[0]!.run.counts.orders).toBeGreaterThan(900_000);
  const app = await appPeakRss(['analytics', 'run', '--json', '--data-dir', join(dir, 'large')]);
  expect(JSON.parse(app.stdout).counts.orders).toBe(measured[0]!.run.counts.orders);
  report(
    `Analytics, ${LARGE_CUSTOMERS.toLocaleString('en')} demo customers, ${measured[0]!.run.counts.orders.toLocaleString('en')} orders (median of 2)`,
    'full run',
    LARGE_CUSTOMERS,
    LARGE_BUDGET_MS,
    floorMs('large', 'CNY'),
    measured,
    app.peakMb,
  );
});

test('customer list windows sorted and filtered by the latest run', async () => {
  const raw = new Database(join(dir, 'large', 'solocrm.db'), { readonly: true });
  /** The floor: the same window and total as bare statements on the customers' own columns. */
  const bare = (where: string, order: string) => {
    const window = raw.prepare(
      `SELECT * FROM customers WHERE deleted_at IS NULL ${where} ORDER BY ${order} LIMIT 100`,
    );
    const total = raw.prepare(`SELECT count(*) FROM customers WHERE deleted_at IS NULL ${where}`);
    return () => {
      window.all();
      total.get();
    };
  };
  const cases: [string, CustomerListInput, () => void][] = [
    [
      'churn risk desc',
      { sort: { field: 'churnRisk', direction: 'desc' }, limit: 100 },
      bare('', 'churn_risk DESC, id DESC'),
    ],
    [
      'CLV desc',
      { sort: { field: 'clv', direction: 'desc' }, limit: 100 },
      bare('', 'clv_cents DESC, id DESC'),
    ],
    [
      'segment at_risk, churn risk desc',
      { sort: { field: 'churnRisk', direction: 'desc' }, filters: { segments: ['at_risk'] }, limit: 100 },
      bare("AND segment = 'at_risk'", 'churn_risk DESC, id DESC'),
    ],
  ];
  const rows: BenchRow[] = [];
  for (const [name, input, floor] of cases) {
    const page = await call<ChannelOutput<'customers.list'>>(large, 'customers.list', input);
    expect(page.rows.length).toBeGreaterThan(0);
    const measured = percentiles(await sample(20, () => call(large, 'customers.list', input)));
    rows.push({
      name,
      ms: measured.median,
      p95Ms: measured.p95,
      operations: 1,
      floorMs: percentiles(await sample(20, floor)).median,
      budgetMs: LIST_BUDGET_MS,
    });
  }
  raw.close();
  printBench(
    'customers.list by analytics scores over 100,000 customers (median, p95) vs the bare join',
    rows,
  );
});
