import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { recordCounts } from './counts';

/** Adds the plain closing line after Playwright's list output (see counts.ts). */
export default class ClosingLineReporter implements Reporter {
  private readonly outcomes = new Map<TestCase, ReturnType<TestCase['outcome']>>();

  onTestEnd(test: TestCase, _result: TestResult): void {
    // The last result decides: a retried test that passed counts once, as passed.
    this.outcomes.set(test, test.outcome());
  }

  onEnd(result: FullResult): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const outcome of this.outcomes.values()) {
      if (outcome === 'expected' || outcome === 'flaky') counts.passed++;
      else if (outcome === 'skipped') counts.skipped++;
      else counts.failed++;
    }
    if (result.status !== 'passed' && counts.failed === 0) counts.failed++;
    recordCounts('e2e', counts);
  }

  printsToStdio(): boolean {
    return false;
  }
}
