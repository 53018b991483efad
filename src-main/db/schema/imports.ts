import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * One row per committed import: what file it was (name, SHA-256 to warn about re-imports,
 * encoding), what it did (counts) and the change batch that undoes it.
 */
export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['customers', 'orders', 'conversations'] }).notNull(),
    format: text('format', { enum: ['csv', 'vcard'] }).notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileBytes: integer('file_bytes').notNull(),
    encoding: text('encoding').notNull(),
    /** The mapping and options the owner chose, as JSON: enough to repeat the import. */
    settings: text('settings').notNull(),
    totalRows: integer('total_rows').notNull(),
    createdCount: integer('created_count').notNull(),
    updatedCount: integer('updated_count').notNull(),
    skippedCount: integer('skipped_count').notNull(),
    rejectedCount: integer('rejected_count').notNull(),
    warningCount: integer('warning_count').notNull(),
    batchId: integer('batch_id').notNull(),
    createdAt: integer('created_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (table) => [
    index('imports_sha_idx').on(table.fileSha256),
    uniqueIndex('imports_batch_idx').on(table.batchId),
  ],
);
export type ImportRow = typeof imports.$inferSelect;

/** The rows an import refused, with the reason, so the owner can download, fix and re-import them. */
export const importRejects = sqliteTable(
  'import_rejects',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    code: text('code').notNull(),
    column: text('column'),
    /** The row's cells as a JSON array of strings, exactly as read. */
    cells: text('cells').notNull(),
  },
  (table) => [index('import_rejects_import_idx').on(table.importId, table.line)],
);

/**
 * The before-image of every customer an import changed: undo puts it back, unless the customer
 * was edited again after the import (then it is kept and reported).
 */
export const importUpdates = sqliteTable(
  'import_updates',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id').notNull(),
    /** JSON: the scalar columns, contacts and custom values as they were. */
    before: text('before').notNull(),
    /** The customer's updated_at as the import left it: anything later is the owner's own edit. */
    writtenAt: integer('written_at').notNull(),
  },
  (table) => [index('import_updates_import_idx').on(table.importId)],
);

/** A saved column mapping, suggested again for files with the same headers. */
export const importTemplates = sqliteTable(
  'import_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['customers', 'orders', 'conversations'] }).notNull(),
    /** Normalized headers joined by U+001F: the lookup key for "same file shape". */
    headerKey: text('header_key').notNull(),
    /** JSON: `{ headers: string[], mapping: (string | null)[], options }`. */
    definition: text('definition').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('import_templates_name_idx').on(table.kind, table.name),
    index('import_templates_header_idx').on(table.kind, table.headerKey),
  ],
);
