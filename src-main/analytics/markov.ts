import type { CustomerOrders } from './history';

/**
 * The recency-state Markov chain of Pfeifer & Carraway (2000), analytics.md §2.5. Time runs in
 * calendar months counted back from the as-of instant (month 0 = the month up to asOf). A
 * customer is in state i when their last paid order was in the i-th most recent month: state 1 =
 * bought this month, 2..k−1 = lapsed, k = lost (no order for k−1 months or more). Each month a
 * customer in state i buys with probability p_i (back to state 1) or moves on to i+1; state k is
 * absorbing (p_k = 0), so the forecast never counts on the lost coming back.
 */

export const DEFAULT_RECENCY_STATES = 12;

export type TransitionSource =
  /** p̂_i = returns / customer-months, from the history. */
  | 'estimated'
  /** No customer-month was observed in this state: p of the nearest state below it. */
  | 'borrowed'
  /** Nothing observed in any state: p = 0, so the forecast only ages customers toward lost. */
  | 'none'
  /** The lost state: p = 0 by the model's definition, whatever the history says. */
  | 'absorbing';

export interface RecencyTransition {
  state: number;
  /** Customer-months spent in this state with the following month observed (n_i). */
  customerMonths: number;
  /** How many of those were followed by a paid order (n_i→1); for the lost state, the ones who came back anyway. */
  returns: number;
  /** P(a paid order next month | in this state now), as the forecast uses it. */
  buyProbability: number;
  source: TransitionSource;
}

export interface RecencyChain {
  asOf: number;
  /** One entry per state 1..k, in order. */
  transitions: RecencyTransition[];
  /** Customers per state now (index i − 1 = state i), those with a paid order before asOf. */
  countsNow: number[];
}

/** The same wall-clock time `months` calendar months later; the 31st becomes the month's last day. */
function addLocalMonths(instant: number, months: number): number {
  const date = new Date(instant);
  const day = date.getDate();
  date.setDate(1);
  date.setMonth(date.getMonth() + months);
  const lastDay = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
  date.setDate(Math.min(day, lastDay));
  return date.getTime();
}

/**
 * p̂_i = n_i→1 / n_i (the maximum-likelihood estimate, §2.5), counted over every customer-month
 * from each customer's first purchase month to the month before asOf's; plus the state counts now.
 * `states` (k ≥ 2) sets when a customer counts as lost.
 */
export function estimateRecencyChain(
  customers: readonly CustomerOrders[],
  { asOf, states = DEFAULT_RECENCY_STATES }: { asOf: number; states?: number },
): RecencyChain {
  if (!Number.isInteger(states) || states < 2)
    throw new Error(`states must be an integer ≥ 2, got ${states}`);
  const monthsAgo = monthsAgoOf(customers, asOf);
  const customerMonths = new Array<number>(states).fill(0);
  const returns = new Array<number>(states).fill(0);
  const countsNow = new Array<number>(states).fill(0);
  for (const customer of customers) {
    // Months ago of each paid order before asOf, most recent last (orders are ascending in time).
    const bought = new Set<number>();
    let first = -1;
    for (let i = 0; i < customer.at.length && customer.at[i]! < asOf; i++) {
      const ago = monthsAgo(customer.at[i]!);
      bought.add(ago);
      if (first < 0) first = ago;
    }
    if (first < 0) continue;
    let state = 1;
    for (let ago = first - 1; ago >= 0; ago--) {
      customerMonths[state - 1]!++;
      if (bought.has(ago)) {
        returns[state - 1]!++;
        state = 1;
      } else {
        state = Math.min(state + 1, states);
      }
    }
    countsNow[state - 1]!++;
  }
  return { asOf, transitions: transitionsFrom(customerMonths, returns), countsNow };
}

/**
 * A function from an instant before asOf to its month counted back (0 = [asOf − 1 month, asOf)).
 * The month boundaries are computed once, back to the earliest order, and found by binary search.
 */
function monthsAgoOf(customers: readonly CustomerOrders[], asOf: number): (instant: number) => number {
  let earliest = asOf;
  for (const customer of customers)
    if (customer.at.length > 0) earliest = Math.min(earliest, customer.at[0]!);
  // starts[m] = the start of month m ago; descending.
  const starts = [addLocalMonths(asOf, -1)];
  while (starts[starts.length - 1]! > earliest) starts.push(addLocalMonths(asOf, -(starts.length + 1)));
  return (instant) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[middle]! <= instant) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

function transitionsFrom(customerMonths: number[], returns: number[]): RecencyTransition[] {
  const lost = customerMonths.length;
  const transitions: RecencyTransition[] = [];
  for (let state = 1; state <= lost; state++) {
    const n = customerMonths[state - 1]!;
    const bought = returns[state - 1]!;
    const below = transitions[state - 2];
    let buyProbability = 0;
    let source: TransitionSource;
    if (state === lost) source = 'absorbing';
    else if (n > 0) {
      buyProbability = bought / n;
      source = 'estimated';
    } else if (below) {
      // Observed states form a prefix 1..j (reaching state i takes a month in each state below),
      // so the nearest state below is the last one with data.
      buyProbability = below.buyProbability;
      source = below.source === 'none' ? 'none' : 'borrowed';
    } else source = 'none';
    transitions.push({ state, customerMonths: n, returns: bought, buyProbability, source });
  }
  return transitions;
}

export interface StateProjection {
  /** Months after asOf (1 = the month starting at asOf). */
  month: number;
  /** Expected customers who buy in that month (state 1). */
  active: number;
  /** Expected customers 2..k−1 months since their last order. */
  lapsed: number;
  /** Expected customers in the absorbing lost state. */
  lost: number;
  /** The whole expected distribution, index i − 1 = state i. */
  byState: number[];
}

/**
 * The expected customers per state after each of the next `months` months: s_{t+1} = s_t·P
 * (§2.5). Every step moves each state's expected count on or back to state 1 and nothing else,
 * so the total stays the number of customers.
 */
export function projectStates(
  chain: Pick<RecencyChain, 'transitions'>,
  countsNow: readonly number[],
  months: number,
): StateProjection[] {
  const probabilities = chain.transitions.map((transition) => transition.buyProbability);
  const lost = probabilities.length;
  if (countsNow.length !== lost) throw new Error(`${countsNow.length} counts for ${lost} states`);
  const projections: StateProjection[] = [];
  let current = [...countsNow];
  for (let month = 1; month <= months; month++) {
    const next = new Array<number>(lost).fill(0);
    for (let i = 0; i < lost; i++) {
      const buying = current[i]! * probabilities[i]!;
      next[0]! += buying;
      next[Math.min(i + 1, lost - 1)]! += current[i]! - buying;
    }
    current = next;
    let lapsed = 0;
    for (let i = 1; i < lost - 1; i++) lapsed += current[i]!;
    projections.push({ month, active: current[0]!, lapsed, lost: current[lost - 1]!, byState: [...current] });
  }
  return projections;
}
