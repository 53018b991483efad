/**
 * Money crosses the boundary as integer minor units. The owner types decimals ("1,299.50"), so the
 * form turns them into cents here, exactly, without ever going through a float.
 */

/** How many minor units a currency has (2 for CNY/USD, 0 for JPY), as Intl knows it. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * "1,299.50", "1299.5", "1 299" -> minor units; null when the text is not an amount (letters, two
 * decimal points, more decimals than the currency has, a sign). Commas and spaces group thousands.
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const compact = text.trim().replace(/[\s,]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(compact);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const value = Number(whole + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

/** Minor units -> "¥1,299.50" / "US$1,299.50" in the UI's locale. */
export function formatMoney(locale: string, cents: number, currency: string): string {
  const digits = minorDigits(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 10 ** digits);
  } catch {
    return `${(cents / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}
