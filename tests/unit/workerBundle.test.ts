import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every job starts a worker, and an import's worker loads its modules before its first row
// (decision 61): zod with the contract's schemas, or drizzle with the table schema, were ~0.2 s of
// that, for a few constants and one function. This reads the build (`npm test` builds first) and
// follows the static imports of the import job's chunk.

const CHUNKS = resolve('out/main/chunks');

/** Every module the chunk holding `marker` loads, itself included: chunk files and packages. */
function loadedBy(marker: string): { chunks: string[]; packages: Set<string> } {
  const start = readdirSync(CHUNKS).find((file) => readFileSync(join(CHUNKS, file), 'utf8').includes(marker));
  if (!start) throw new Error(`no built chunk holds ${marker}: run the build first`);
  const chunks: string[] = [];
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (chunks.includes(file)) return;
    chunks.push(file);
    const text = readFileSync(join(CHUNKS, file), 'utf8');
    for (const [, from] of text.matchAll(/^import (?:[^'"]*? from )?"([^"]+)";?$/gm)) {
      if (from!.startsWith('./')) visit(from!.slice(2));
      else packages.add(from!);
    }
  };
  visit(start);
  return { chunks, packages };
}

describe('what an import job’s worker loads', () => {
  it('neither zod nor drizzle, nor the contract’s schemas', () => {
    const { chunks, packages } = loadedBy('async function runImport(ctx, job)');
    // The walk found the import's own code (a broken walk would find nothing and pass).
    expect(packages).toContain('papaparse');
    expect(packages).toContain('libphonenumber-js/max');
    expect([...packages].filter((name) => /^(zod|drizzle-orm)(\/|$)/.test(name))).toEqual([]);
    const schemas = chunks.filter((file) => /(^|\/)contract-/.test(file));
    expect(schemas).toEqual([]);
  });
});
