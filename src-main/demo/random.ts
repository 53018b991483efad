/**
 * A small seeded random source (mulberry32): the same seed gives the same demo database, so a
 * test or a benchmark can name a customer it expects to find. Not for anything secret.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /**
   * A UUID v7 stamped `msecs`, with a 32-bit sequence number in the bits RFC 9562 allows for a
   * counter and the rest drawn from this seeded source. Successive uids sort after each other,
   * so 900,000 rows append to the uid indexes instead of landing at random pages (which is
   * what made large loads slow), and the same seed gives the same uids.
   */
  uuidV7(msecs: number, sequence: number): string {
    const time = Math.max(0, Math.floor(msecs)).toString(16).padStart(12, '0');
    const counter = (sequence >>> 0).toString(16).padStart(8, '0');
    const tail = this.hex32() + this.hex32().slice(0, 2);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.slice(0, 3)}-8${counter.slice(3, 6)}-${counter.slice(6)}${tail}`;
  }

  private hex32(): string {
    return this.uint32().toString(16).padStart(8, '0');
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** A digit string of the given length (leading zeros allowed). */
  digits(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += Math.floor(this.next() * 10);
    return text;
  }

  /** A log-normally distributed factor around 1: most values near it, a long tail of big ones. */
  logNormal(sigma: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }

  /** Rounds a non-integer count up or down at random, keeping the expected value. */
  round(value: number): number {
    const whole = Math.floor(value);
    return whole + (this.chance(value - whole) ? 1 : 0);
  }
}
