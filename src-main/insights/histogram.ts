/** Counts of `values` in `bins` equal-width bins over [from, to]; values outside go to the end bins. */
export function histogram(
  values: readonly number[],
  { from, to, bins }: { from: number; to: number; bins: number },
): { from: number; to: number; count: number }[] {
  const width = to > from ? (to - from) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    const bin = Math.min(bins - 1, Math.max(0, Math.floor((value - from) / width)));
    counts[bin]!++;
  }
  return counts.map((count, index) => ({
    from: from + index * width,
    to: from + (index + 1) * width,
    count,
  }));
}

/** The value below which `share` of the sorted values fall (for a chart's upper bound). */
export function quantile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}
