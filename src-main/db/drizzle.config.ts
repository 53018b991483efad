import { defineConfig } from 'drizzle-kit';

// Run from the repo root: `npm run db:generate` writes SQL migrations into migrations/.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/db/schema/index.ts',
  out: './migrations',
});
