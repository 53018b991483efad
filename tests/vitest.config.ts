import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['tests/**/*.test.ts'],
    // Native better-sqlite3 and real Chromium: separate processes keep one test's crash from hiding others.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
