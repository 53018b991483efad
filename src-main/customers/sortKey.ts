/**
 * Sort keys that make SQLite's byte-wise `ORDER BY` agree with `Intl.Collator('zh-CN')`:
 * Chinese names in pinyin order (阿强 < 李四 < 张三), punctuation < digits < Han < Latin, case
 * ignored. SQLite cannot call a JavaScript collation from an index, so the order is baked into a
 * column instead.
 *
 * How: every character of the common ranges is ranked once by the collator itself (characters the
 * collator treats as equal, like `a` and `A`, share a rank), and a name's key is its characters'
 * ranks as code points from U+0100 up. UTF-8 keeps code point order, so comparing keys byte by
 * byte compares ranks character by character, which is what the collator does at base strength.
 */

const RANKED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0x24f], // Latin-1 and Latin Extended
  [0x3000, 0x303f], // CJK punctuation
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xff00, 0xffef], // full-width forms
];
const FIRST_RANK_CODE_POINT = 0x100;
/** Characters outside the table sort after every ranked one, in code point order among themselves. */
const UNRANKED_MARK = String.fromCodePoint(0xe000);

let ranks: Map<string, string> | null = null;

function buildRanks(): Map<string, string> {
  const collator = new Intl.Collator('zh-CN', { sensitivity: 'base' });
  const chars: string[] = [];
  for (const [from, to] of RANKED_RANGES) {
    for (let cp = from; cp <= to; cp++) chars.push(String.fromCodePoint(cp));
  }
  chars.sort(collator.compare);
  const table = new Map<string, string>();
  let rank = 0;
  chars.forEach((char, index) => {
    const previous = chars[index - 1];
    if (previous !== undefined && collator.compare(previous, char) !== 0) rank++;
    table.set(char, String.fromCodePoint(FIRST_RANK_CODE_POINT + rank));
  });
  return table;
}

export function nameSortKey(name: string): string {
  ranks ??= buildRanks();
  let key = '';
  for (const char of name.normalize('NFC')) {
    key += ranks.get(char) ?? UNRANKED_MARK + char;
  }
  return key;
}
