import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { callDef, contract, type CallName } from '@shared/contract';

/**
 * shared/contract/callSets.ts is generated from the contract by this test: the renderer's api
 * client needs each call's read set and refusal title on the first screen, and importing the
 * contract for them would load every zod schema before the first list paints (issue 14's
 * initial-JS budget). A checked-in file, rather than a build-time virtual module, keeps
 * typecheck, vitest and vite reading the same plain module. After a change to the contract:
 * `npx vitest run tests/unit/foundation/callSets.test.ts -u`.
 */
describe('the call sets the renderer refreshes by', () => {
  it('are the contract’s read sets and refusal titles, call for call', async () => {
    const names = (Object.keys(contract) as CallName[]).sort();
    const entries = names.map((name) => {
      const def = callDef(name);
      return `${JSON.stringify(name)}: { reads: ${JSON.stringify(def.reads)}, refusal: ${JSON.stringify(def.refusal)} },`;
    });
    const source = [
      '// Generated from the contract by tests/unit/foundation/callSets.test.ts, which fails when it',
      '// differs: after a change to the contract, `npx vitest run tests/unit/foundation/callSets.test.ts -u`.',
      '// It carries no zod schema, so the renderer’s first screen loads none (see that test for why).',
      "import type { Register } from './define';",
      "import type { CallName } from './index';",
      '',
      "/** Each call's read set (what a change refreshes) and the title of its refusal. */",
      'export const callSets: { readonly [K in CallName]: { readonly reads: readonly Register[]; readonly refusal: string } } = {',
      ...entries,
      '};',
      '',
    ].join('\n');
    const file = new URL('../../../shared/contract/callSets.ts', import.meta.url).pathname;
    const formatted = await format(source, { ...(await resolveConfig(file)), filepath: file });
    await expect(formatted).toMatchFileSnapshot(file);
  });
});
