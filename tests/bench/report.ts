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
}

export function printBench(title: string, rows: BenchRow[]): void {
  const lines = rows.map((row) => {
    const perOp = ((row.ms * 1000) / row.operations).toFixed(1);
    const floor =
      row.floorMs === undefined
        ? ''
        : `  floor ${row.floorMs.toFixed(1)} ms  ratio ${(row.ms / row.floorMs).toFixed(2)}x`;
    const budget =
      row.budgetMs === undefined
        ? ''
        : `  budget ${row.budgetMs} ms (${row.ms <= row.budgetMs ? 'within' : 'OVER'})`;
    return `  ${row.name.padEnd(44)} ${row.ms.toFixed(1).padStart(9)} ms  ${perOp.padStart(7)} µs/op${floor}${budget}`;
  });
  console.log(`\n${title}\n${lines.join('\n')}\n`);
}
