/**
 * Chinese input methods type full-width digits and punctuation (`１２３`, `，`, `．`, `：`, `／`),
 * and the ideographic space. Map the full-width ASCII block (U+FF01–FF5E) and U+3000 to ASCII so
 * one set of patterns reads both. (Not NFKC: that would also turn `²` into `2`.)
 */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export function toHalfWidth(text: string): string {
  // Most cells have no full-width character: test first rather than rebuild every string.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}
