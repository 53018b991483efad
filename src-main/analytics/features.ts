import { DAY_MS, localDay, type CustomerOrders } from './history';

/**
 * Per-customer figures as of a date, from the histories (orders before the as-of instant only;
 * pass `historyBefore(...)` output or a history that ends before it).
 */

export interface RfmFeatures {
  customerId: number;
  /** Whole days from the last paid order to the as-of instant (0 = bought that day). */
  recencyDays: number;
  /** Paid orders. */
  frequency: number;
  /** Paid minus refunded, in minor units, never below 0. */
  monetaryCents: number;
  /** Whole days from the first paid order to the as-of instant. */
  tenureDays: number;
}

/** R, F, M and tenure of every customer with a paid order before `asOf`. */
export function rfmFeatures(customers: readonly CustomerOrders[], asOf: number): RfmFeatures[] {
  const features: RfmFeatures[] = [];
  for (const customer of customers) {
    let frequency = 0;
    let paid = 0;
    while (frequency < customer.at.length && customer.at[frequency]! < asOf) {
      paid += customer.cents[frequency]!;
      frequency++;
    }
    if (frequency === 0) continue;
    let refunded = 0;
    for (let i = 0; i < customer.refundAt.length && customer.refundAt[i]! < asOf; i++) {
      refunded += customer.refundCents[i]!;
    }
    features.push({
      customerId: customer.customerId,
      recencyDays: Math.floor((asOf - customer.at[frequency - 1]!) / DAY_MS),
      frequency,
      monetaryCents: Math.max(0, paid - refunded),
      tenureDays: Math.floor((asOf - customer.at[0]!) / DAY_MS),
    });
  }
  return features;
}

/**
 * The BTYD summary (Fader, Hardie & Lee): x = repeat purchases counted as distinct purchase days
 * minus one; t_x = time of the last purchase and T = time of the as-of instant, both measured
 * from the first purchase, in `unitDays` (1 = days, 7 = weeks); the mean value of the repeat
 * purchase days (the first day left out, as Gamma-Gamma requires), in minor units, 0 when x = 0.
 */
export interface BtydSummary {
  customerId: number;
  x: number;
  tx: number;
  T: number;
  meanRepeatCents: number;
}

export function btydSummaries(
  customers: readonly CustomerOrders[],
  asOf: number,
  unitDays = 1,
): BtydSummary[] {
  const endDay = localDay(asOf - 1);
  const summaries: BtydSummary[] = [];
  for (const customer of customers) {
    let firstDay: number | null = null;
    let lastDay = 0;
    let repeatDays = 0;
    let repeatCents = 0;
    for (let i = 0; i < customer.at.length && customer.at[i]! < asOf; i++) {
      const day = customer.day[i]!;
      if (firstDay === null) firstDay = day;
      else if (day !== lastDay) repeatDays++;
      if (day !== firstDay) repeatCents += customer.cents[i]!;
      lastDay = day;
    }
    if (firstDay === null) continue;
    summaries.push({
      customerId: customer.customerId,
      x: repeatDays,
      tx: (lastDay - firstDay) / unitDays,
      T: (endDay - firstDay) / unitDays,
      meanRepeatCents: repeatDays === 0 ? 0 : repeatCents / repeatDays,
    });
  }
  return summaries;
}
