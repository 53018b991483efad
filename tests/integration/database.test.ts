import { randomBytes } from 'node:crypto';
import { readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-main/core/logger';
import { openDatabase } from '../../src-main/db/open';
import { MIGRATIONS_DIR, sha256OfFile, tempDir } from '../support/tempBackend';
import { refusalOf } from '../support/refusal';

const SHIPPED = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
const open = (file: string, migrationsDir = MIGRATIONS_DIR) =>
  openDatabase({ file, migrationsDir, logger: silentLogger });

function pragmas(sqlite: Database.Database) {
  return {
    journalMode: sqlite.pragma('journal_mode', { simple: true }),
    foreignKeys: sqlite.pragma('foreign_keys', { simple: true }),
    synchronous: sqlite.pragma('synchronous', { simple: true }),
    busyTimeout: sqlite.pragma('busy_timeout', { simple: true }),
    userVersion: sqlite.pragma('user_version', { simple: true }),
  };
}
const EXPECTED_PRAGMAS = {
  journalMode: 'wal',
  foreignKeys: 1,
  synchronous: 1, // NORMAL
  busyTimeout: 5000,
  userVersion: SHIPPED.length,
};

function tables(sqlite: Database.Database): string[] {
  const rows = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
  return (rows as { name: string }[]).map((r) => r.name);
}

/** A real SoloCRM database with one customer, closed. */
function databaseWithCustomer(dir: string): string {
  const file = join(dir, 'solocrm.db');
  const { sqlite } = open(file);
  sqlite
    .prepare('INSERT INTO customers (uid, created_at, updated_at, name) VALUES (?, ?, ?, ?)')
    .run('0190a000-0000-7000-8000-000000000001', 1, 1, '张三');
  sqlite.close();
  return file;
}

describe('opening an empty file', () => {
  it('creates the schema and sets the connection pragmas', () => {
    const file = join(tempDir(), 'solocrm.db');
    const opened = open(file);
    try {
      expect(tables(opened.sqlite)).toEqual(
        expect.arrayContaining(['customers', 'settings', '__drizzle_migrations']),
      );
      expect(pragmas(opened.sqlite)).toEqual(EXPECTED_PRAGMAS);
      expect(opened.schemaVersion).toBe(SHIPPED.length);
      expect(opened.backupFile).toBeNull();
    } finally {
      opened.sqlite.close();
    }
  });

  it('records every shipped migration, in order', () => {
    const file = join(tempDir(), 'solocrm.db');
    const { sqlite } = open(file);
    const recorded = sqlite.prepare('SELECT hash FROM __drizzle_migrations ORDER BY created_at').all();
    sqlite.close();
    expect((recorded as { hash: string }[]).map((r) => r.hash)).toEqual(SHIPPED.map((m) => m.hash));
  });
});

describe('reopening', () => {
  it('sets the same pragmas, runs nothing again, keeps the data and makes no backup', () => {
    const dir = tempDir();
    const file = databaseWithCustomer(dir);
    const reopened = open(file);
    try {
      expect(pragmas(reopened.sqlite)).toEqual(EXPECTED_PRAGMAS);
      expect(reopened.backupFile).toBeNull();
      expect(reopened.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({
        n: SHIPPED.length,
      });
      expect(reopened.sqlite.prepare('SELECT name FROM customers').all()).toEqual([{ name: '张三' }]);
    } finally {
      reopened.sqlite.close();
    }
    expect(readdirSync(dir).filter((name) => name.includes('.pre-'))).toEqual([]);
  });
});

describe('a file that is not a SoloCRM database', () => {
  const png = () =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(16 * 1024)]);
  const csv = () =>
    Buffer.from('姓名,邮箱,电话\n张三,zs@example.com,13800138000\n李四,ls@example.com,13900139000\n');
  const cases: [string, (dir: string) => string][] = [
    ['a PNG', (dir) => writeTo(dir, png())],
    ['a CSV export', (dir) => writeTo(dir, csv())],
    ['random bytes', (dir) => writeTo(dir, randomBytes(64 * 1024))],
    [
      'a database cut short mid-page',
      (dir) => {
        const file = databaseWithCustomer(dir);
        const filler = new Database(file);
        filler
          .prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
          .run('big', JSON.stringify('x'.repeat(50_000)));
        filler.close();
        truncateSync(file, Math.floor(statSync(file).size / 2) + 100);
        return file;
      },
    ],
  ];

  function writeTo(dir: string, bytes: Buffer): string {
    const file = join(dir, 'solocrm.db');
    writeFileSync(file, bytes);
    return file;
  }

  it.each(cases)('%s is refused with DB_UNREADABLE and left byte-for-byte as it was', (_label, make) => {
    const dir = tempDir();
    const file = make(dir);
    const before = sha256OfFile(file);
    const listing = readdirSync(dir).sort();

    const error = refusalOf(() => open(file));
    expect(error.code).toBe('DB_UNREADABLE');
    expect(error.message).toContain(file);

    expect(sha256OfFile(file)).toBe(before);
    // Not moved, not replaced by a fresh database, no -wal/-shm or backup left beside it.
    expect(readdirSync(dir).sort()).toEqual(listing);
  });
});

describe('a database written by a newer SoloCRM', () => {
  it('is refused with DB_NEWER_VERSION, unchanged, and nothing is run backwards', () => {
    const dir = tempDir();
    const file = databaseWithCustomer(dir);
    const future = new Database(file);
    future
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('f'.repeat(64), (SHIPPED.at(-1)?.folderMillis ?? 0) + 86_400_000);
    future.close();
    const before = sha256OfFile(file);
    const listing = readdirSync(dir).sort();

    const error = refusalOf(() => open(file));
    expect(error.code).toBe('DB_NEWER_VERSION');
    expect(error.message).toMatch(/newer version/i);
    expect(sha256OfFile(file)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });

  it('is refused when its migration record names a migration this build does not have', () => {
    const file = databaseWithCustomer(tempDir());
    const other = new Database(file);
    other.prepare('UPDATE __drizzle_migrations SET hash = ?').run('e'.repeat(64));
    other.close();
    const before = sha256OfFile(file);
    expect(refusalOf(() => open(file)).code).toBe('DB_NEWER_VERSION');
    expect(sha256OfFile(file)).toBe(before);
  });
});
