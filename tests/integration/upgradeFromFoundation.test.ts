import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../src-main/backend/createBackend';
import { silentLogger } from '../../src-main/core/logger';
import { openDatabase } from '../../src-main/db/open';
import type { Customer, SearchHit } from '../../src-shared/contract';
import { caller } from '../support/envelopes';
import { MigrationFolder } from '../support/migrationFolder';
import { fakeClock, MIGRATIONS_DIR, tempDir, WORKER_FILE } from '../support/tempBackend';

describe('a database written by the first release (one email and phone per customer)', () => {
  it('opens with every customer intact: contacts become lists, phones are normalized, search finds them', async () => {
    const dir = tempDir();
    const file = join(dir, 'solocrm.db');
    const old = openDatabase({
      file,
      migrationsDir: MigrationFolder.shippedUpTo(join(dir, 'old-migrations'), 1).dir,
      logger: silentLogger,
    });
    const insert = old.sqlite.prepare(
      'INSERT INTO customers (uid, created_at, updated_at, name, email, phone, city) VALUES (?, 1, 1, ?, ?, ?, ?)',
    );
    insert.run('uid-1', '张三', 'zs@example.com', '138 0013 8000', '杭州');
    insert.run('uid-2', 'Ann Lee', null, 'not a phone', null);
    old.sqlite.close();

    const backend = createBackend({
      dbFile: file,
      migrationsDir: MIGRATIONS_DIR,
      workerFile: WORKER_FILE,
      door: 'test',
      version: 'test',
      clock: fakeClock(),
      logger: silentLogger,
    });
    try {
      const call = caller(() => backend);
      expect(await call<Customer>('customers.get', { id: 1 })).toMatchObject({
        uid: 'uid-1',
        name: '张三',
        city: '杭州',
        emails: ['zs@example.com'],
        phones: [{ value: '138 0013 8000', e164: '+8613800138000', valid: true }],
      });
      expect(await call<Customer>('customers.get', { id: 2 })).toMatchObject({
        emails: [],
        phones: [{ value: 'not a phone', e164: null, valid: false }],
      });
      const search = await call<{ hits: SearchHit[] }>('customers.search', { query: 'zs' });
      expect(search.hits.map((hit) => hit.customer.name)).toEqual(['张三']);
      expect(
        (await call<{ hits: SearchHit[] }>('customers.search', { query: '13800' })).hits.map(
          (h) => h.customer.id,
        ),
      ).toEqual([1]);
    } finally {
      backend.close();
    }
    expect(existsSync(`${file}.pre-1`)).toBe(true);
  });
});
