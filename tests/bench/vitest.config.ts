import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run bench`: each *.bench.ts measures itself beside a floor taken in the same run and prints both.
export default defineConfig({
  root: resolve(import.meta.dirname, '..', '..'),
  test: {
    include: ['tests/bench/**/*.bench.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
  },
});
