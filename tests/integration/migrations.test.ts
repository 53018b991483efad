import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { silentLogger } from '../../src-main/core/logger';
import { openDatabase } from '../../src-main/db/open';
import { MigrationFolder } from '../support/migrationFolder';
import { MIGRATIONS_DIR, tempDir } from '../support/tempBackend';
import { refusalOf } from '../support/refusal';

const open = (file: string, migrationsDir: string) =>
  openDatabase({ file, migrationsDir, logger: silentLogger });

/** What a user's data looks like from outside the app: schema text, migration record, rows. */
function inspect(file: string) {
  const sqlite = new Database(file, { readonly: true });
  try {
    const schema = sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();
    const recorded = sqlite.prepare('SELECT hash FROM __drizzle_migrations ORDER BY created_at').all();
    const names = (table: string) => sqlite.prepare(`SELECT name FROM ${table} ORDER BY id`).pluck().all();
    return { sqlite, schema, recorded: recorded.length, names, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** The shipped schema on disk with two customers, plus a migrations folder to add a next release to. */
function shippedDatabaseWithData() {
  const dir = tempDir();
  const folder = MigrationFolder.copyOfShipped(join(dir, 'migrations'));
  const file = join(dir, 'solocrm.db');
  const { sqlite } = open(file, folder.dir);
  const insert = sqlite.prepare(
    'INSERT INTO customers (uid, created_at, updated_at, name) VALUES (?, 1, 1, ?)',
  );
  insert.run('uid-1', '张三');
  insert.run('uid-2', 'Ann Lee');
  sqlite.close();
  return { dir, file, folder, shippedCount: folder.journal().entries.length };
}

describe('a pending migration on a file with data', () => {
  it('copies the file aside first as <file>.pre-<N>; the copy opens and holds the data', () => {
    const { file, folder, shippedCount } = shippedDatabaseWithData();
    folder.add('loyalty_tier', ['ALTER TABLE `customers` ADD `loyalty_tier` text;']);

    const opened = open(file, folder.dir);
    const backup = `${file}.pre-${shippedCount}`;
    expect(opened.backupFile).toBe(backup);
    expect(opened.schemaVersion).toBe(shippedCount + 1);
    expect(opened.sqlite.prepare('SELECT name, loyalty_tier FROM customers ORDER BY id').all()).toEqual([
      { name: '张三', loyalty_tier: null },
      { name: 'Ann Lee', loyalty_tier: null },
    ]);
    opened.sqlite.close();

    const copy = inspect(backup);
    try {
      expect(copy.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.names('customers')).toEqual(['张三', 'Ann Lee']);
      expect(copy.recorded).toBe(shippedCount);
      expect(JSON.stringify(copy.schema)).not.toContain('loyalty_tier');
    } finally {
      copy.close();
    }
  });

  it('never overwrites an earlier backup of the same version', () => {
    const { file, folder, shippedCount } = shippedDatabaseWithData();
    const earlier = `${file}.pre-${shippedCount}`;
    writeFileSync(earlier, 'the backup from last week');
    folder.add('loyalty_tier', ['ALTER TABLE `customers` ADD `loyalty_tier` text;']);

    const opened = open(file, folder.dir);
    opened.sqlite.close();
    expect(opened.backupFile).not.toBe(earlier);
    expect(existsSync(opened.backupFile as string)).toBe(true);
    expect(readFileSync(earlier, 'utf8')).toBe('the backup from last week');
  });
});

describe('a migration that fails half-way (I4)', () => {
  it('is MIGRATION_FAILED, rolls back entirely, is not recorded, keeps the data and names the backup', () => {
    const { file, folder, shippedCount } = shippedDatabaseWithData();
    const before = inspect(file);
    const schemaBefore = before.schema;
    before.close();
    folder.add('broken', [
      'ALTER TABLE `customers` ADD `loyalty_tier` text;',
      'CREATE TABLE `extra` (`id` integer PRIMARY KEY NOT NULL);',
      'INSERT INTO `no_such_table` VALUES (1);',
      'CREATE TABLE `extra2` (`id` integer PRIMARY KEY NOT NULL);',
    ]);

    const error = refusalOf(() => open(file, folder.dir));
    expect(error.code).toBe('MIGRATION_FAILED');
    const backup = `${file}.pre-${shippedCount}`;
    expect(error.message).toContain(backup);
    expect(existsSync(backup)).toBe(true);

    const after = inspect(file);
    try {
      expect(after.schema).toEqual(schemaBefore);
      expect(after.recorded).toBe(shippedCount);
      expect(after.sqlite.pragma('user_version', { simple: true })).toBe(shippedCount);
      expect(after.names('customers')).toEqual(['张三', 'Ann Lee']);
    } finally {
      after.close();
    }
  });
});

/** reliability.md §0.1 / I2: drizzle-kit's parent-table rebuild under drizzle's one-transaction migrator. */
describe('rebuilding a parent table with ON DELETE CASCADE children (I2)', () => {
  const PARENT_CHILD = [
    'CREATE TABLE `parent` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`name` text NOT NULL\n);\n',
    'CREATE TABLE `child` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`parent_id` integer NOT NULL,\n\t`note` text NOT NULL,\n' +
      '\tFOREIGN KEY (`parent_id`) REFERENCES `parent`(`id`) ON UPDATE no action ON DELETE cascade\n);\n',
  ];
  /** What drizzle-kit generates when a parent column changes in a way ALTER TABLE cannot express. */
  const rebuildParent = (keep = 'TRUE') => [
    'PRAGMA foreign_keys=OFF;',
    "CREATE TABLE `__new_parent` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`name` text NOT NULL,\n\t`tier` text DEFAULT 'standard' NOT NULL\n);\n",
    `INSERT INTO \`__new_parent\`("id", "name") SELECT "id", "name" FROM \`parent\` WHERE ${keep};`,
    'DROP TABLE `parent`;',
    'ALTER TABLE `__new_parent` RENAME TO `parent`;',
    'PRAGMA foreign_keys=ON;',
  ];

  /** Two parents with three children between them, at migration 0000; returns the file and its folder. */
  function fixture() {
    const dir = tempDir();
    const folder = MigrationFolder.empty(join(dir, 'migrations'));
    folder.add('parent_child', PARENT_CHILD);
    const file = join(dir, 'crm.db');
    const { sqlite } = open(file, folder.dir);
    sqlite.exec("INSERT INTO parent (id, name) VALUES (1, 'ACME'), (2, 'Globex')");
    sqlite.exec("INSERT INTO child (parent_id, note) VALUES (1, 'call back'), (1, 'sent quote'), (2, 'met')");
    sqlite.close();
    return { file, folder };
  }
  const count = (file: string, table: string) => {
    const sqlite = new Database(file, { readonly: true });
    const n = sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    sqlite.close();
    return n;
  };

  it('control: drizzle’s plain migrate() on this fixture silently deletes every child row', () => {
    const { file, folder } = fixture();
    folder.add('rebuild_parent', rebuildParent());
    const sqlite = new Database(file);
    sqlite.pragma('foreign_keys = ON'); // how the app's connection is configured
    migrate(drizzle({ client: sqlite }), { migrationsFolder: folder.dir });
    sqlite.close();
    expect(count(file, 'parent')).toBe(2);
    expect(count(file, 'child')).toBe(0);
  });

  it('openDatabase keeps every child row and applies the new column', () => {
    const { file, folder } = fixture();
    folder.add('rebuild_parent', rebuildParent());
    const opened = open(file, folder.dir);
    try {
      expect(opened.sqlite.prepare('SELECT parent_id, note FROM child ORDER BY id').all()).toEqual([
        { parent_id: 1, note: 'call back' },
        { parent_id: 1, note: 'sent quote' },
        { parent_id: 2, note: 'met' },
      ]);
      expect(opened.sqlite.prepare('SELECT tier FROM parent').pluck().all()).toEqual([
        'standard',
        'standard',
      ]);
      expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      opened.sqlite.close();
    }
  });

  it('a rebuild that orphans child rows is refused, and the file is not left upgraded (B4)', () => {
    const { file, folder } = fixture();
    folder.add('rebuild_parent', rebuildParent('"id" <> 2'));
    expect(refusalOf(() => open(file, folder.dir)).code).toBe('MIGRATION_FAILED');
    // The next start must not open the half-broken result as if the upgrade had worked.
    expect(count(file, '__drizzle_migrations')).toBe(1);
    expect(count(file, 'parent')).toBe(2);
    expect(refusalOf(() => open(file, folder.dir)).code).toBe('MIGRATION_FAILED');
  });
});

describe('the migration journal (I3)', () => {
  it('shipped journal: idx in order, `when` strictly increasing, every file present', () => {
    const { entries } = new MigrationFolder(MIGRATIONS_DIR).journal();
    expect(entries.length).toBeGreaterThan(0);
    entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      expect(entry.breakpoints).toBe(true);
      expect(existsSync(join(MIGRATIONS_DIR, `${entry.tag}.sql`))).toBe(true);
      if (i > 0) expect(entry.when).toBeGreaterThan((entries[i - 1] as { when: number }).when);
    });
  });

  it('a pending migration dated before the last applied one is applied or refused, never skipped', () => {
    const { file, folder } = shippedDatabaseWithData();
    const firstWhen = folder.journal().entries[0]?.when ?? 0;
    folder.add('vip_levels', ['CREATE TABLE `vip_levels` (`id` integer PRIMARY KEY NOT NULL);'], {
      when: firstWhen - 1000,
    });

    let outcome: string;
    try {
      const opened = open(file, folder.dir);
      const hasTable =
        opened.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'vip_levels'").get() !== undefined;
      opened.sqlite.close();
      outcome = hasTable ? 'applied' : `skipped, yet opened as schema ${opened.schemaVersion}`;
    } catch (error) {
      outcome = (error as AppError).code === 'MIGRATION_FAILED' ? 'refused' : String(error);
    }
    expect(['applied', 'refused']).toContain(outcome);
  });
});
