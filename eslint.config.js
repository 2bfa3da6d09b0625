// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Where code runs, and so who may import whom, stated as import restrictions per folder.
 *
 *   shared/            both sides: the contract, Russian text rules, enums, document layouts
 *   renderer/src/      the UI in the window (or the browser): no Node, no database
 *   electron/services/ domain services, one folder per register, plain Node, no Electron
 *   electron/documents/ Word and Excel rendering of data the services assembled
 *   electron/api/      the dispatcher, createApp, jobs and worker threads; electron/host, cli, launcher,
 *                      worker: Node entry points (worker: the worker thread's tasks)
 *   electron/window/   the Electron main process; electron/preload/: the sandboxed bridge
 *   db/                schema, migrations, opening the database
 *
 * ESLint's no-restricted-imports takes the last matching block's options whole, so every block
 * states its full list; `restricted()` adds the rules that hold everywhere (no climbing, no remote module).
 */

/** @typedef {{ group?: string[], regex?: string, message: string }} Pattern */

/** Every folder is reached by its alias; `../` would hide where a file really reaches. */
const NO_CLIMBING = /** @type {Pattern} */ ({
  // package.json (the version and product name) is the one file above every folder.
  regex: '^\\.\\./(?!(\\.\\./)*package\\.json$)',
  message: 'Import through a path alias (@shared, @main, @db, @renderer, @tests) instead of climbing folders with ../',
});

/**
 * Electron's security checklist: the remote module (gone from Electron itself, still offered
 * as a package) hands a page the main process's objects. Nothing anywhere may use it.
 */
const NO_REMOTE = /** @type {Pattern} */ ({
  group: ['@electron/remote', '@electron/remote/*'],
  message: "No remote module: the window reaches the main process only through the preload's one invoke channel",
});

/** Packages and modules that exist only in the main process under Node. */
// Charts are drawn in the main process and reach the window as an image: no chart library in the renderer's bundle.
const NODE_ONLY = [
  'node:*',
  'better-sqlite3',
  'drizzle-orm',
  'drizzle-orm/*',
  'docx',
  'exceljs',
  'electron',
  'echarts',
  'echarts/*',
  '@resvg/resvg-wasm',
];

/** Deep imports of a register's services: another register is reached only through its public index.ts. */
const OTHER_REGISTER_INTERNALS = /** @type {Pattern} */ ({
  group: ['@main/services/*/*', '!@main/services/common/*'],
  message: "Reach another register's services only through its public module (@main/services/<register>), not its files",
});

/** Code that runs in the Electron main process or the preload only. */
const ELECTRON_SHELL = /** @type {Pattern} */ ({
  group: ['electron', '@main/window/*', '@main/preload/*'],
  message: 'Domain code runs under plain Node in tests and in the browser host: no Electron, no window, no preload',
});

const ENTRY_POINTS = /** @type {Pattern} */ ({
  group: ['@main/host/*', '@main/cli/*', '@main/launcher/*', '@main/worker/*'],
  message: 'Entry points (host, cli, launcher, worker) import the application, never the other way round',
});

/** What shared/ may not import. */
const SHARED = /** @type {Pattern[]} */ ([
  { group: NODE_ONLY, message: 'shared/ runs in the renderer too: no Node modules and no main-process libraries' },
  { group: ['@main/*', '@db/*', '@renderer/*'], message: 'shared/ is imported by both sides and imports neither' },
]);

const UI = /** @type {Pattern} */ ({ group: ['@renderer/*'], message: 'Only the renderer imports renderer code' });
const TESTS = /** @type {Pattern} */ ({ group: ['@tests/*'], message: 'Application code never imports tests' });

/** «Today» and the local calendar are computed in one place; dayjs elsewhere brought three versions of «today». */
const DATES = /** @type {Pattern} */ ({
  group: ['dayjs', 'dayjs/*'],
  message: 'Dates go through @shared/russian (shared/russian/dates.ts): one «today», one local calendar for a stored timestamp',
});

/**
 * The export, the backups and the file store write, rename and delete only through
 * db/contained.ts: resolved inside the folder they own, never through a link, deleting only
 * what they made. A direct fs.rm/rename/unlink there is how a restored export log once made an
 * export delete a folder outside the share.
 */
const FS_CHANGES = '^(rm|rmSync|rmdir|rmdirSync|rename|renameSync|unlink|unlinkSync|cp|cpSync)$';
const CONTAINED_ONLY = {
  'no-restricted-syntax': [
    'error',
    {
      selector: `CallExpression[callee.property.name=/${FS_CHANGES}/]`,
      message: 'Delete and rename through db/contained.ts (removeOwn, renameWithin…): contained in its folder, never through a link',
    },
    {
      selector: `ImportSpecifier[imported.name=/${FS_CHANGES}/]`,
      message: 'Delete and rename through db/contained.ts (removeOwn, renameWithin…): contained in its folder, never through a link',
    },
  ],
};

/** @param {...Pattern} patterns */
const restrictedWithDates = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: [NO_CLIMBING, NO_REMOTE, ...patterns] }],
});
/** @param {...Pattern} patterns */
const restricted = (...patterns) => restrictedWithDates(DATES, ...patterns);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      '.tmp/**',
      'test-results/**',
      'playwright-report/**',
      '.electron-native/**',
      'tests/lint/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Explicit `as never` casts mark the few places where a generic call crosses typed boundaries.
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
      ...restricted(),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restricted(
        { group: NODE_ONLY, message: 'The renderer runs in the browser sandbox: no Node, no database, no document libraries' },
        {
          group: ['@main/*', '@db/*'],
          message: 'The renderer talks to the main process only through the contract (@shared/contract) and the api client',
        },
        {
          group: ['@renderer/registers/*/*'],
          message: "A register's screens are reached through its index.tsx; shared pieces belong in @renderer/components",
        },
        TESTS,
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restricted(...SHARED, TESTS),
  },
  {
    files: ['shared/russian/dates.ts'],
    rules: restrictedWithDates(...SHARED, TESTS),
  },
  {
    files: ['db/**/*.ts'],
    rules: restricted({ group: ['@main/*', '@renderer/*'], message: 'db/ is below the services: it imports only shared/' }, TESTS),
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: restricted(OTHER_REGISTER_INTERNALS, ELECTRON_SHELL, ENTRY_POINTS, UI, TESTS),
  },
  {
    files: ['electron/services/exchange/**/*.ts', 'electron/services/backup/**/*.ts', 'electron/services/files/**/*.ts'],
    rules: CONTAINED_ONLY,
  },
  {
    files: ['electron/documents/**/*.ts'],
    rules: restricted(
      {
        group: ['@main/services/*', '@main/api/*', '@db/*'],
        message: 'Documents render data the services assembled: no database, no services',
      },
      ELECTRON_SHELL,
      ENTRY_POINTS,
      UI,
      TESTS,
    ),
  },
  {
    files: ['electron/api/**/*.ts'],
    rules: restricted(OTHER_REGISTER_INTERNALS, ELECTRON_SHELL, ENTRY_POINTS, UI, TESTS),
  },
  {
    files: ['electron/host/**/*.ts', 'electron/cli/**/*.ts', 'electron/launcher/**/*.ts', 'electron/worker/**/*.ts'],
    rules: restricted(
      OTHER_REGISTER_INTERNALS,
      { group: ['electron', '@main/preload/*'], message: 'The browser host and the command line run without Electron' },
      UI,
      TESTS,
    ),
  },
  {
    files: ['electron/window/**/*.ts'],
    rules: restricted(OTHER_REGISTER_INTERNALS, UI, TESTS),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restricted(
      {
        group: ['@main/*/*', '@db/*', '@shared/*', '@renderer/*', 'node:*'],
        message: 'The sandboxed preload may require only electron: it forwards calls and knows nothing else',
      },
      TESTS,
    ),
  },
  {
    files: ['tests/**/*.ts'],
    // Tests reach into any layer on purpose (a unit test of a register's internals), and set clocks with dayjs.
    rules: restrictedWithDates(),
  },
  prettier,
);
