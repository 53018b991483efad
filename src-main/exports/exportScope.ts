import type Database from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { z } from 'zod';
import type { exportScope } from '../../src-shared/contract';
import { customerWhere } from '../customers/listQuery';
import { CustomerSearch } from '../customers/search';
import * as schema from '../db/schema';

export type ExportScope = z.output<typeof exportScope>;

/** A condition on the customers table aliased `c`, with its parameters. */
export interface ScopeCondition {
  sql: string;
  params: unknown[];
}

/**
 * A search narrows a filtered export to its matches, as many as the export schema allows ids:
 * an export must not quietly stop at a screenful. (The search loads each hit; in the worker, a
 * few seconds for 100,000 is acceptable.)
 */
export const EXPORT_SEARCH_LIMIT = 100_000;

// Id lists travel as one JSON parameter: 100,000 ids would exceed SQLite's bound-variable limit.
const IN_IDS = 'c.id IN (SELECT value FROM json_each(?))';
const LIVE = 'c.deleted_at IS NULL';

/**
 * Which customers an export covers (for orders and conversations: whose rows). Trashed customers
 * never count, whichever way they were named.
 */
export function scopeCondition(sqlite: Database.Database, scope: ExportScope): ScopeCondition {
  switch (scope.type) {
    case 'all':
      return { sql: LIVE, params: [] };
    case 'ids':
      return { sql: `${LIVE} AND ${IN_IDS}`, params: [JSON.stringify(scope.ids)] };
    case 'filter':
      return { sql: `${LIVE} AND ${IN_IDS}`, params: [JSON.stringify(filteredIds(sqlite, scope))] };
  }
}

/** The same customers the list shows for these filters (and the search, when one is typed). */
function filteredIds(sqlite: Database.Database, scope: Extract<ExportScope, { type: 'filter' }>): number[] {
  const db = drizzle({ client: sqlite, schema });
  const ids = db
    .select({ id: schema.customers.id })
    .from(schema.customers)
    .where(customerWhere('active', scope.filters))
    .orderBy(asc(schema.customers.id))
    .all()
    .map((row) => row.id);
  const query = scope.search?.trim();
  if (!query) return ids;
  const found = new Set(
    new CustomerSearch(sqlite, db).search(query, EXPORT_SEARCH_LIMIT).hits.map((hit) => hit.customer.id),
  );
  return ids.filter((id) => found.has(id));
}
