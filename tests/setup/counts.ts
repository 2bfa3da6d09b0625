import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Test runners' counts, printed as the plain closing line CI reads («N passed, N failed,
 * N skipped») and kept in .tmp/test-counts/ so .ci/run can print one line for the whole run.
 */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export const COUNTS_DIR = path.resolve(import.meta.dirname, '..', '..', '.tmp', 'test-counts');

export function closingLine(label: string, c: Counts): string {
  return `${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
}

export function recordCounts(runner: string, counts: Counts): void {
  mkdirSync(COUNTS_DIR, { recursive: true });
  writeFileSync(path.join(COUNTS_DIR, `${runner}.json`), JSON.stringify(counts));
  process.stdout.write(`\n${closingLine(runner, counts)}\n`);
}
