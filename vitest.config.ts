import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The aliases (@shared, @main, @db, …) are defined once, in tsconfig.json.
  resolve: { tsconfigPaths: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
