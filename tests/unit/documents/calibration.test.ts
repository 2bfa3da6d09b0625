import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertBatch, overlappingLines, type Converted } from './office';

/**
 * The geometric check is calibrated on two files generated from main at cc59759, before the
 * document model: the minutes, whose default paragraph spacing sets `w:line="240"` without
 * `w:lineRule` (LibreOffice reads an exact 12 pt line for 14 pt text), and the plan, which sets no
 * line spacing and renders cleanly. The check must fail the first and pass the second.
 */

const FIXTURES = path.join(import.meta.dirname, '..', '..', 'fixtures', 'documents');
const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-calibration-'));
let converted: Map<string, Converted>;

beforeAll(() => {
  converted = convertBatch(
    dir,
    ['calibration-minutes-main-cc59759.docx', 'calibration-plan-main-cc59759.docx'].map((name) => ({
      name,
      bytes: readFileSync(path.join(FIXTURES, name)),
    })),
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the overlap check, calibrated', () => {
  it('fails the minutes of main, whose lines overlap in LibreOffice', () => {
    const found = overlappingLines(converted.get('calibration-minutes-main-cc59759.docx')!.pdf);
    expect(found.length).toBeGreaterThan(10);
    // 14 pt text on a 12 pt line: the boxes overlap by 6.2 pt, the limit is 3.5 pt.
    expect(Math.max(...found.map((f) => f.overlap))).toBeCloseTo(6.2, 1);
    expect(found[0]!.limit).toBeCloseTo(3.5, 1);
  });

  it('passes the plan of main, which renders cleanly', () => {
    expect(overlappingLines(converted.get('calibration-plan-main-cc59759.docx')!.pdf)).toEqual([]);
  });
});
