/**
 * Damage Excel does to long numbers before a CSV reaches us (it keeps 15 significant digits and
 * shows big numbers in scientific notation, Microsoft KB269370). The digits are gone: these
 * checks only flag the cell so the owner can fix the source; nothing here "repairs" a value.
 */

/** `1.38001E+10`: a phone number or ID that Excel displayed, and saved, in scientific notation. */
export function isExcelScientific(text: string): boolean {
  return /^\s*\d(\.\d+)?E\+\d+\s*$/i.test(text);
}

/**
 * More than 15 digits whose digits after the 15th are all zeros: Excel stored it as a number and
 * replaced the rest with zeros (ID card number `110101199003071234` becomes `110101199003071000`).
 */
export function looksExcelTruncated(text: string): boolean {
  const digits = text.trim();
  return /^\d{16,}$/.test(digits) && /^0+$/.test(digits.slice(15));
}
