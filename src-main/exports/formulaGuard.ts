/**
 * CSV formula injection (CWE-1236): Excel, WPS and LibreOffice evaluate a cell that begins with
 * `=`, `+`, `-` or `@`, and a tab, CR or LF before one of those still starts a formula. Our own
 * guard rather than a library's, because libraries miss cells (reliability.md §4.1): papaparse
 * leaves a multi-line `=HYPERLINK(…)\n…` alone, and neither it nor csv-stringify looks past
 * leading spaces or recognises full-width `＝`.
 */

/** Characters that start a formula (or hide one on the next line) when a cell begins with them. */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0', '＝', '＋', '－', '＠']);
/** Spaces spreadsheets skip before reading a formula: ASCII space, NBSP, ideographic space. */
const SKIPPED = new Set([' ', '\u00a0', '\u3000']);
const GUARD = "'";

function startsWithTrigger(text: string): boolean {
  for (const character of text) {
    if (!SKIPPED.has(character)) return TRIGGERS.has(character);
  }
  return false;
}

/**
 * True for text the guard prefixes: a trigger after optional spaces, or apostrophes in front of
 * such text. The second case makes a cell really typed as `'=1` come back as `'=1` after an
 * export and re-import, instead of losing its apostrophe to stripFormulaGuard.
 */
function needsGuard(text: string): boolean {
  let rest = text;
  while (rest.startsWith(GUARD)) rest = rest.slice(1);
  return startsWithTrigger(rest);
}

/** The cell with a leading `'` when a spreadsheet would read it as a formula; otherwise unchanged. */
export function neutralizeCell(text: string): string {
  return needsGuard(text) ? GUARD + text : text;
}

/**
 * What an importer applies to every cell: removes the one `'` neutralizeCell added, so our own
 * exports read back exactly as they were. A `'` before harmless text (`'Tis`) is the owner's own.
 */
export function stripFormulaGuard(text: string): string {
  return text.startsWith(GUARD) && needsGuard(text.slice(1)) ? text.slice(1) : text;
}

/**
 * Phone cells get the `'` more often than other cells, so that a spreadsheet keeps them as text:
 * Excel turns `13800138000` into `1.38001E+10` and drops the leading 0 of `02162345678`, and an
 * E.164 `+8613800138000` is both a formula trigger and a number to it. So a phone made of digits
 * only is prefixed too. The importer strips one leading `'` from phone cells, whatever follows it.
 * Phones with spaces or dashes (`138 0013 8000`, `010-6552 9988`) already stay text and are left alone.
 */
export function protectPhoneCell(text: string): string {
  return needsGuard(text) || /^\d+$/.test(text) ? GUARD + text : text;
}
