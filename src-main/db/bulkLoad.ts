import type Database from 'better-sqlite3';

/**
 * The classic bulk-load technique, inside the caller's transaction: drop the secondary indexes of
 * the tables about to receive many rows, and build them again from their own stored definitions
 * once the rows are in. Building an index is one sort; keeping it up to date row by row means
 * random page writes that no longer fit the page cache past ~30,000 customers (a 100,000-customer
 * demo took minutes that way). Indexes the writes themselves look rows up by are kept.
 * Returns the function that rebuilds them; a failure rolls the whole transaction back.
 */
export function deferIndexes(sqlite: Database.Database, tables: string[], keep: string[]): () => void {
  const names = (
    sqlite
      .prepare(
        `SELECT name FROM sqlite_master
         WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(tables)) as { name: string }[]
  )
    .map((index) => index.name)
    .filter((name) => !keep.includes(name));
  return dropIndexes(sqlite, names);
}

/** Drops the named indexes (inside the caller's transaction); returns what builds them again. */
export function dropIndexes(sqlite: Database.Database, names: readonly string[]): () => void {
  const definitions = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master
       WHERE type = 'index' AND sql IS NOT NULL AND name IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(names)) as { name: string; sql: string }[];
  for (const { name } of definitions) sqlite.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
  return () => {
    for (const { sql } of definitions) sqlite.exec(sql);
  };
}
