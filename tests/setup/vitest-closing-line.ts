import type { Reporter, TestModule } from 'vitest/node';
import { recordCounts } from './counts';

/** Adds the plain closing line after vitest's own summary (see counts.ts). */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      // A file whose set-up failed leaves its tests skipped: it is a failure all the same.
      if (module.state() === 'failed' && [...module.children.allTests('failed')].length === 0) counts.failed++;
    }
    counts.failed += unhandledErrors.length;
    recordCounts('unit', counts);
  }
}
