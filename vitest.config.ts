import { defineConfig } from 'vitest/config';

/**
 * Two kinds of run. Most tests run once, in the machine's own time zone. The tests of local dates
 * (`*.tz.test.ts`) run again in two zones far from Moscow — Vladivostok (UTC+10), where a signing
 * at 08:30 is still the previous day in UTC, and Kaliningrad (UTC+2) — each in its own worker
 * processes started with TZ set in their environment (vitest forks its workers with the project's
 * `env`), and each asserts the zone it ran in, so a run that silently stayed in UTC fails.
 */
const TIME_ZONES = ['Asia/Vladivostok', 'Europe/Kaliningrad'];

export default defineConfig({
  // The aliases (@shared, @main, @db, …) are defined once, in tsconfig.json.
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/**/*.tz.test.ts'] } },
      ...TIME_ZONES.map((zone) => ({
        extends: true as const,
        test: { name: `TZ=${zone}`, include: ['tests/unit/**/*.tz.test.ts'], env: { TZ: zone, EXPECTED_TZ: zone } },
      })),
    ],
  },
});
