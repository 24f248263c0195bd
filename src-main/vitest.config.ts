/** Vitest for unit and integration tests (plain Node; renderer logic tests too). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  resolve: {
    alias: { '@contract': fileURLToPath(new URL('./contract/index.ts', import.meta.url)) },
  },
  test: {
    include: ['src-main/**/*.test.ts', 'src-renderer/**/*.test.ts', 'src-renderer/**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'out/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
