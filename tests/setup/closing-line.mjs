// Sums the counts the test runners recorded (tests/setup/counts.ts) into one closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '..', '..', '.tmp', 'test-counts');
const total = { passed: 0, failed: 0, skipped: 0 };
for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
  const c = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  for (const key of Object.keys(total)) total[key] += c[key] ?? 0;
}
console.log(`Total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.passed > 0 && total.failed === 0 ? 0 : 1);
