import { defineConfig } from 'vitest/config';

/**
 * Two kinds of run. Most tests run once, in the machine's own time zone. The tests of local dates
 * (`*.tz.test.ts`) run again in two zones far from Moscow — Vladivostok (UTC+10), where a signing
 * at 08:30 is still the previous day in UTC, and Kaliningrad (UTC+2) — each in its own worker
 * processes started with TZ set in their environment (vitest forks its workers with the project's
 * `env`), and each asserts the zone it ran in, so a run that silently stayed in UTC fails.
 */
const TIME_ZONES = ['Asia/Vladivostok', 'Europe/Kaliningrad'];

/**
 * `npm run test:slow`: the suites that are bounded in `npm test` run at their full size — the
 * contract fuzz with 40 inputs per call instead of 10, the crash test with 100 kills instead of
 * 20. npm names the running script in every environment (Windows too), unlike `RC_SLOW=1 …`.
 */
const SLOW = process.env.npm_lifecycle_event === 'test:slow';
const SLOW_SUITES = ['tests/unit/fuzz/**/*.test.ts', 'tests/unit/exchange/crash.test.ts'];

export default defineConfig({
  // The aliases (@shared, @main, @db, …) are defined once, in tsconfig.json.
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    projects: SLOW
      ? [{ extends: true, test: { name: 'slow', include: SLOW_SUITES, testTimeout: 1_800_000, env: { RC_SLOW: '1' } } }]
      : [
          { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/**/*.tz.test.ts'] } },
          ...TIME_ZONES.map((zone) => ({
            extends: true as const,
            test: { name: `TZ=${zone}`, include: ['tests/unit/**/*.tz.test.ts'], env: { TZ: zone, EXPECTED_TZ: zone } },
          })),
        ],
  },
});
