/** Times a piece of work; benchmarks report figures, they never assert on them. */
export function time<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

export async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

export interface BenchRow {
  name: string;
  ms: number;
  operations: number;
  /** The same work done the cheapest way possible, measured in the same run. */
  floorMs?: number;
  budgetMs?: number;
  /** The 95th percentile of the samples `ms` is the median of. */
  p95Ms?: number;
}

/** Median and 95th percentile of repeated timings. */
export function percentiles(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}

/** Runs `work` a few times to warm up, then `runs` times, and returns each run's milliseconds. */
export async function sample(runs: number, work: () => unknown): Promise<number[]> {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

export function printBench(title: string, rows: BenchRow[]): void {
  const lines = rows.map((row) => {
    const perOp = ((row.ms * 1000) / row.operations).toFixed(1);
    const floor =
      row.floorMs === undefined
        ? ''
        : `  floor ${row.floorMs.toFixed(2)} ms  ratio ${(row.ms / row.floorMs).toFixed(2)}x`;
    const worst = row.p95Ms ?? row.ms;
    const budget =
      row.budgetMs === undefined
        ? ''
        : `  budget ${row.budgetMs} ms (${worst <= row.budgetMs ? 'within' : 'OVER'})`;
    const p95 = row.p95Ms === undefined ? '' : `  p95 ${row.p95Ms.toFixed(1).padStart(6)} ms`;
    const rate = row.p95Ms === undefined ? `  ${perOp.padStart(7)} µs/op` : '';
    return `  ${row.name.padEnd(44)} ${row.ms.toFixed(1).padStart(9)} ms${p95}${rate}${floor}${budget}`;
  });
  console.log(`\n${title}\n${lines.join('\n')}\n`);
}

/**
 * Peak RSS of this process (the worker threads included), the RSS it started from (the bench's own
 * data and vitest count in both), and the longest stall of this (the main, the window's) thread's
 * event loop while `work` runs.
 */
export async function watch<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; startMb: number; peakMb: number; stallMs: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  let stall = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last - 10);
    last = now;
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const { ms, result } = await timeAsync(work);
    return { result, ms, startMb: start / 1024 / 1024, peakMb: peak / 1024 / 1024, stallMs: stall };
  } finally {
    clearInterval(timer);
  }
}
