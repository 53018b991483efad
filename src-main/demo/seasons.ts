import type { Random } from './random';

export const DAY_MS = 86_400_000;

/** Chinese New Year (Gregorian dates): shops go quiet around it. */
const SPRING_FESTIVALS = [
  '2020-01-25',
  '2021-02-12',
  '2022-02-01',
  '2023-01-22',
  '2024-02-10',
  '2025-01-29',
  '2026-02-17',
  '2027-02-06',
  '2028-01-26',
  '2029-02-13',
  '2030-02-03',
  '2031-01-23',
  '2032-02-11',
].map((day) => Date.parse(`${day}T00:00:00Z`));

const PEAK = 3;

/**
 * How busy the shop is on a day, relative to an ordinary one: Singles' Day (Nov 1–11) and the
 * rest of November, December, the 618 sale (Jun 1–18) are peaks; the Spring Festival is a dip.
 */
export function seasonWeight(at: number): number {
  for (const festival of SPRING_FESTIVALS) {
    if (at >= festival - 10 * DAY_MS && at < festival + 8 * DAY_MS) return 0.3;
  }
  const date = new Date(at);
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  if (month === 10) return day <= 11 ? PEAK : 1.6;
  if (month === 11) return 1.5;
  if (month === 5 && day <= 18) return 2.2;
  return 1;
}

/** An instant in [from, to] drawn with the seasonal weights (rejection sampling). */
export function seasonalInstant(random: Random, from: number, to: number): number {
  let at = from;
  for (let attempt = 0; attempt < 30; attempt++) {
    at = from + Math.floor(random.next() * (to - from));
    if (random.next() * PEAK < seasonWeight(at)) return at;
  }
  return at;
}
