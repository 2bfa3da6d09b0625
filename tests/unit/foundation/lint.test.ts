import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Each boundary rule of eslint.config.js is proven by a fixture that breaks it: the fixture is
 * linted as if it stood at the path named in its `// lint-as:` line and must fail with the
 * message named in `// expect:`. The same text with its import removed must pass, so a fixture
 * fails for its import and nothing else.
 */

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const fixturesDir = path.join(root, 'tests', 'lint', 'fixtures');
const eslint = new ESLint({ cwd: root });

interface Fixture {
  name: string;
  lintAs: string;
  expected: string;
  code: string;
}

function readFixture(name: string): Fixture {
  const code = readFileSync(path.join(fixturesDir, name), 'utf8');
  const lintAs = /^\/\/ lint-as: (.+)$/m.exec(code)?.[1];
  const expected = /^\/\/ expect: (.+)$/m.exec(code)?.[1];
  if (!lintAs || !expected) throw new Error(`${name}: needs // lint-as: and // expect: lines`);
  return { name, lintAs, expected, code };
}

const fixtures = readdirSync(fixturesDir).sort().map(readFixture);

async function lint(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages;
}

describe('import boundaries', () => {
  it('has a fixture for every boundary', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s breaks its rule', async (_name, fixture) => {
    const messages = await lint(fixture.code, fixture.lintAs);
    const restricted = messages.filter((m) => m.ruleId === 'no-restricted-imports');
    expect(restricted.map((m) => m.message).join('\n')).toContain(fixture.expected);

    const withoutImport = fixture.code.replace(/^import .*$/m, '').replace(/= \w+;/, '= null;');
    expect(await lint(withoutImport, fixture.lintAs)).toEqual([]);
  });

  it.each([
    [
      'electron/services/exchange/fixture.ts',
      "import fs from 'node:fs/promises';\nexport const go = () => fs.rm('/x', { recursive: true });\n",
    ],
    ['electron/services/backup/fixture.ts', "import { renameSync } from 'node:fs';\nexport const go = () => renameSync('/a', '/b');\n"],
    ['electron/services/files/fixture.ts', "import { promises } from 'node:fs';\nexport const go = () => promises.unlink('/a');\n"],
  ])('%s may not delete or rename files itself', async (filePath, code) => {
    const messages = await lint(code, filePath);
    expect(
      messages
        .filter((m) => m.ruleId === 'no-restricted-syntax')
        .map((m) => m.message)
        .join('\n'),
    ).toContain('db/contained.ts');
    // The same code elsewhere (db/contained.ts itself) is allowed.
    expect((await lint(code, 'db/fixture.ts')).filter((m) => m.ruleId === 'no-restricted-syntax')).toEqual([]);
  });

  it('lets a register use another through its public module, and its own files relatively', async () => {
    const code =
      "import { listItems } from '@main/services/workPlan';\nimport { requireMeeting } from './shared';\n\nexport const fixture = [listItems, requireMeeting];\n";
    expect(await lint(code, 'electron/services/meetings/fixture.ts')).toEqual([]);
  });
});
