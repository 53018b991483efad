import { afterEach, describe, expect, it } from 'vitest';
import {
  localInputToIso,
  pickedInstant,
  toLocalInput,
} from '../../src-renderer/features/customers/localTime';
import { formatMoney, parseAmount } from '../../src-renderer/features/customers/money';

describe('parseAmount: what the owner types in the order form -> cents', () => {
  it.each([
    ['1,299.50', 129_950],
    ['1299.5', 129_950],
    ['1 299', 129_900],
    ['0.07', 7],
    ['  42 ', 4_200],
    ['12.', 1_200],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseAmount(text, 'CNY')).toBe(cents);
  });

  it.each(['12abc', '', '1.2.3', '1.234', '-5', '+5', '¥12', '1e3', '.5', 'NaN'])(
    'refuses %j (the form shows a message at the amount field)',
    (text) => {
      expect(parseAmount(text, 'CNY')).toBeNull();
    },
  );

  it('follows the currency: yen have no minor unit', () => {
    expect(parseAmount('1,299', 'JPY')).toBe(1_299);
    expect(parseAmount('12.5', 'JPY')).toBeNull();
  });

  it('never goes through a float (0.29 is 29 cents, not 28.999…)', () => {
    expect(parseAmount('0.29', 'USD')).toBe(29);
    expect(parseAmount('1234567.89', 'USD')).toBe(123_456_789);
  });
});

describe('formatMoney', () => {
  it('shows cents in the locale and currency', () => {
    expect(formatMoney('zh-CN', 129_950, 'CNY')).toBe('¥1,299.50');
    expect(formatMoney('en', 129_950, 'USD')).toBe('$1,299.50');
    expect(formatMoney('en', 1_299, 'JPY')).toBe('¥1,299');
  });
});

describe('datetime-local <-> ISO instant with offset', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });

  it('reads wall-clock time in the browser zone and keeps the offset', () => {
    process.env.TZ = 'Asia/Shanghai';
    const iso = localInputToIso('2026-03-01T10:30');
    expect(iso).toBe('2026-03-01T10:30:00.000+08:00');
    expect(Date.parse(iso ?? '')).toBe(Date.UTC(2026, 2, 1, 2, 30));
  });

  it('writes negative offsets too', () => {
    process.env.TZ = 'America/New_York';
    expect(localInputToIso('2026-01-15T09:05')).toBe('2026-01-15T09:05:00.000-05:00');
  });

  it('refuses text that is not such a time', () => {
    expect(localInputToIso('yesterday')).toBeNull();
    expect(localInputToIso('2026-02-30')).toBeNull();
    expect(localInputToIso('')).toBeNull();
  });

  it('an untouched "now" means the moment of saving, to the millisecond', () => {
    const opened = toLocalInput(new Date());
    const before = Date.now();
    const picked = Date.parse(pickedInstant(opened, opened));
    expect(picked).toBeGreaterThanOrEqual(before);
    expect(picked).toBeLessThanOrEqual(Date.now());
  });

  it('a time the owner picked is taken as picked; nonsense goes on for the schema to name', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(pickedInstant('2026-03-01T10:30', '2026-03-02T08:00')).toBe('2026-03-01T10:30:00.000+08:00');
    expect(pickedInstant('soon', '2026-03-02T08:00')).toBe('soon');
  });
});
