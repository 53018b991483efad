import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../src-main/backend/createBackend';
import { silentLogger } from '../../src-main/core/logger';
import type { Customer, SearchHit } from '../../src-shared/contract';
import { caller } from '../support/envelopes';
import { MigrationFolder } from '../support/migrationFolder';
import { fakeClock, MIGRATIONS_DIR, tempDir, WORKER_FILE } from '../support/tempBackend';

type Call = ReturnType<typeof caller>;

const open = (dbFile: string, migrationsDir: string) =>
  createBackend({
    dbFile,
    migrationsDir,
    workerFile: WORKER_FILE,
    door: 'test',
    version: 'test',
    clock: fakeClock(),
    logger: silentLogger,
  });

/**
 * `seed` writes into a database made by the first `shipped` migrations only; `check` then runs
 * against the same file opened by this version, with `names` (the names a search finds, in order).
 */
async function afterUpgrade<T>(
  shipped: number,
  seed: (call: Call) => Promise<T>,
  check: (call: Call, names: (query: string) => Promise<string[]>, seeded: T) => Promise<void>,
): Promise<void> {
  const dir = tempDir();
  const file = join(dir, 'solocrm.db');
  const before = open(file, MigrationFolder.shippedUpTo(join(dir, 'old-migrations'), shipped).dir);
  const seeded = await seed(caller(() => before));
  before.close();
  const after = open(file, MIGRATIONS_DIR);
  try {
    const call = caller(() => after);
    const names = async (query: string) =>
      (await call<{ hits: SearchHit[] }>('customers.search', { query })).hits.map((hit) => hit.customer.name);
    await check(call, names, seeded);
  } finally {
    after.close();
  }
}

// Migration 0009 rebuilds the one- and two-character index without its stored copy of the text.
describe('a database whose short-search index still stores its text (before migration 0009)', () => {
  it('keeps finding customers by one or two characters, and follows renames and deletions', () =>
    afterUpgrade(
      9,
      async (call) => {
        const zhang = await call<Customer>('customers.create', { name: '张三', phones: [] });
        await call<Customer>('customers.create', { name: '李四', phones: [] });
        return zhang;
      },
      async (call, names, zhang) => {
        expect(await names('zs')).toEqual(['张三']);
        expect(await names('李')).toEqual(['李四']);
        // A rename deletes the old index row and writes a new one: contentless tables allow both.
        await call('customers.update', { id: zhang.id, patch: { name: '王五' } });
        expect(await names('zs')).toEqual([]);
        expect(await names('ww')).toEqual(['王五']);
        await call('customers.delete', { id: zhang.id });
        expect(await names('ww')).toEqual([]);
      },
    ));
});

// Migration 0010 rebuilds the trigram index without positions; LIKE confirms each candidate.
describe('a database whose trigram index still has positions (before migration 0010)', () => {
  it('finds customers by three characters or more, in any column and any case, and follows edits', () =>
    afterUpgrade(
      10,
      async (call) => {
        const ivan = await call<Customer>('customers.create', {
          name: 'Иван Петров',
          company: 'Acme Trading',
          phones: ['+86 138 0013 8000'],
        });
        await call<Customer>('customers.create', { name: '张三', notes: '喜欢龙井，每年清明前订货' });
        return ivan;
      },
      async (call, names, ivan) => {
        expect(await names('иван')).toEqual(['Иван Петров']);
        expect(await names('acme')).toEqual(['Иван Петров']);
        expect(await names('13800138')).toEqual(['Иван Петров']);
        expect(await names('每年清明')).toEqual(['张三']);
        await call('customers.update', { id: ivan.id, patch: { company: 'Globex' } });
        expect(await names('acme')).toEqual([]);
        expect(await names('GLOBEX')).toEqual(['Иван Петров']);
      },
    ));
});
