import type { CustomerFilters } from '../../../src-shared/contract';

/** Bin edges are tenths computed in floating point (0.30000000000000004): kept to 0.1 %. */
const edge = (share: number) => Math.round(share * 1000) / 1000;

/** The customers behind one bar of the risk histogram: from its lower edge to its upper (the last bar: up to 100 %). */
export function riskBinFilters(bin: { from: number; to: number }, last: boolean): CustomerFilters {
  return last
    ? { churnRiskMin: edge(bin.from) }
    : { churnRiskMin: edge(bin.from), churnRiskMax: edge(bin.to) };
}

/** The customers behind one month of revenue (`YYYY-MM`): those with a paid order in it. */
export function monthFilters(month: string): CustomerFilters {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return { orderedFrom: `${month}-01`, orderedBefore: `${next}-01` };
}
