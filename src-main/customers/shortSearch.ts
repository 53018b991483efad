/**
 * The index behind one- and two-character queries (`zs`, `张三`, `龙井`), which FTS5's trigram
 * tokenizer cannot answer and a scan answers in ~200 ms over 100,000 customers. Each customer gets
 * one row of space-separated tokens in `customer_short_search` (unicode61 tokenizer, so each token
 * is matched whole and case-insensitively):
 * - `starts`: the 1–2 character beginnings of the name, of each word of it, and of its pinyin
 *   (full and initials): what a person types first, ranked first;
 * - `grams`: every distinct 1–2 character piece of name, pinyin, company, WeChat and notes.
 */

export interface ShortSearchSource {
  name: string;
  pinyin: string;
  company: string;
  wechat: string;
  notes: string;
}

const SEPARATOR = /[\s\p{P}\p{S}]+/u;

const beginnings = (word: string): string[] => {
  const chars = [...word];
  return chars.length === 0
    ? []
    : chars.length === 1
      ? [word]
      : [chars[0] as string, chars.slice(0, 2).join('')];
};

const SEPARATOR_CHAR = /^[\s\p{P}\p{S}]$/u;
/**
 * The separator test by code point, looked up rather than matched: imports test every character of
 * 100,000 rows, and a Unicode-property match per character was a tenth of a second of them.
 */
const ASCII_SEPARATORS = Array.from({ length: 128 }, (_, code) =>
  SEPARATOR_CHAR.test(String.fromCharCode(code)),
);
const otherSeparators = new Map<number, boolean>();
function isSeparator(code: number): boolean {
  if (code < 128) return ASCII_SEPARATORS[code]!;
  let separator = otherSeparators.get(code);
  if (separator === undefined) {
    separator = SEPARATOR_CHAR.test(String.fromCodePoint(code));
    otherSeparators.set(code, separator);
  }
  return separator;
}

/**
 * Adds every character and every pair of neighbours within a word (separators end a word).
 * Walks code points by index and slices the pieces out: flat strings, which the Set hashes at once.
 */
function grams(text: string, into: Set<string>): void {
  const lower = text.toLowerCase();
  let previousStart = -1;
  for (let at = 0; at < lower.length;) {
    const code = lower.codePointAt(at)!;
    const next = at + (code > 0xffff ? 2 : 1);
    if (isSeparator(code)) {
      previousStart = -1;
    } else {
      into.add(lower.slice(at, next));
      if (previousStart >= 0) into.add(lower.slice(previousStart, next));
      previousStart = at;
    }
    at = next;
  }
}

export function shortSearchDocument(source: ShortSearchSource): { starts: string; grams: string } {
  const starts = new Set<string>();
  const name = source.name.toLowerCase();
  const [fullPinyin = '', initials = ''] = source.pinyin.split(' ');
  for (const word of [name.replace(SEPARATOR, ''), ...name.split(SEPARATOR), fullPinyin, initials]) {
    for (const beginning of beginnings(word)) starts.add(beginning);
  }
  const pieces = new Set<string>();
  for (const text of [source.name, fullPinyin, initials, source.company, source.wechat, source.notes])
    grams(text, pieces);
  return { starts: [...starts].join(' '), grams: [...pieces].join(' ') };
}

/**
 * The FTS5 query for one column, or null when the text has nothing a token could hold (`@@`).
 * The text becomes one quoted phrase, so quotes and operators in it are data, not syntax.
 */
export function shortSearchQuery(column: 'starts' | 'grams', text: string): string | null {
  const token = text.toLowerCase().split(SEPARATOR).join('');
  if (!token) return null;
  return `${column} : "${token.replaceAll('"', '""')}"`;
}
