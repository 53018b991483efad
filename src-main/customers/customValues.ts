// Apart from read.ts (drizzle and the schema), so an import's worker reads stored values without them.

/** Stored custom values, ignoring anything unreadable rather than failing the whole page. */
export function parseCustomValues(json: string): Record<string, string | number> {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, string | number] =>
          typeof entry[1] === 'string' || typeof entry[1] === 'number',
      ),
    );
  } catch {
    return {};
  }
}
