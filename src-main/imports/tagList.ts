/**
 * Several tags in one cell: `VIP, 老客户`. Chinese files also separate with `，`, `;`, `；` or `、`.
 * A tag whose name holds one of those is written in double quotes (`"批发, 华东", VIP`), with `"`
 * doubled inside, so an export's tags come back as the same tags.
 */
const SEPARATORS = new Set([',', '，', ';', '；', '、']);
const NEEDS_QUOTES = /[,，;；、"]/;

export function joinTags(names: readonly string[]): string {
  return names.map((name) => (NEEDS_QUOTES.test(name) ? `"${name.replaceAll('"', '""')}"` : name)).join(', ');
}

export function splitTags(cell: string): string[] {
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i]!;
    if (quoted) {
      if (char === '"' && cell[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (SEPARATORS.has(char)) {
      names.push(current.trim());
      current = '';
    } else current += char;
  }
  names.push(current.trim());
  return names.filter(Boolean);
}
