import type { SavedViewDefinition } from '../../../src-shared/contract';

/** JSON with object keys sorted, so two definitions built in different orders compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** True when the list shows what the saved view says: same filters, order and columns. */
export function sameDefinition(a: SavedViewDefinition, b: SavedViewDefinition): boolean {
  return canonical(a) === canonical(b);
}
