import { describe, expect, it } from 'vitest';
import { formatFigure, parseClipboard, parseFigure } from '@shared/russian';

/**
 * The text Russian Excel puts on the clipboard (CF_UNICODETEXT) for a block of cells: cells
 * separated by tabs, rows by CRLF, a CRLF after the last row, numbers as the cells display them
 * — thousands grouped by a no-break space U+00A0 (Windows' ru-RU until 10 1903) or a narrow
 * no-break space U+202F (later Windows), the comma as the decimal sign —, an empty cell as
 * nothing between two tabs, a cell with a line break quoted.
 */
const EXCEL_BLOCK = '12\t1\u00a0234\t\t7\r\n3\t2\u202f500\t0\t1,5\r\n"две\r\nстроки"\t4\t5\t6\r\n';

describe('a paste from Excel', () => {
  it('is read as rows of cells, without the empty row after the last line break', () => {
    expect(parseClipboard(EXCEL_BLOCK)).toEqual([
      ['12', '1\u00a0234', '', '7'],
      ['3', '2\u202f500', '0', '1,5'],
      ['две\r\nстроки', '4', '5', '6'],
    ]);
  });

  it('takes one cell copied alone, with or without its line break, and LF line ends of other programs', () => {
    expect(parseClipboard('1\u00a0234\r\n')).toEqual([['1\u00a0234']]);
    expect(parseClipboard('42')).toEqual([['42']]);
    expect(parseClipboard('1\t2\n3\t4\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseClipboard('"он сказал ""да"""\t5')).toEqual([['он сказал "да"', '5']]);
  });

  it('gives figures the Russian way: grouped thousands, the decimal comma', () => {
    const figures = parseClipboard(EXCEL_BLOCK)
      .slice(0, 2)
      .map((row) => row.map((cell) => parseFigure(cell, false)));
    expect(figures).toEqual([
      [
        { ok: true, value: 12 },
        { ok: true, value: 1234 },
        { ok: true, value: null },
        { ok: true, value: 7 },
      ],
      [
        { ok: true, value: 3 },
        { ok: true, value: 2500 },
        { ok: true, value: 0 },
        { ok: true, value: 1.5 },
      ],
    ]);
  });
});

describe('one figure', () => {
  it('strips every kind of space between thousands', () => {
    for (const text of ['1 234 567', '1\u00a0234\u00a0567', '1\u202f234\u202f567', ' 1234567 ', '1\u2009234\u2009567'])
      expect(parseFigure(text, true)).toEqual({ ok: true, value: 1234567 });
  });

  it('reads the comma (and the point) as the decimal sign where fractions are allowed', () => {
    expect(parseFigure('1,5', false)).toEqual({ ok: true, value: 1.5 });
    expect(parseFigure('0.25', false)).toEqual({ ok: true, value: 0.25 });
    expect(parseFigure('12,0', true)).toEqual({ ok: true, value: 12 });
  });

  it('refuses, in Russian, a fraction of a count, a negative, text and two decimal signs', () => {
    expect(parseFigure('1,5', true)).toEqual({ ok: false, message: '«1,5»: показатель считается в целых числах' });
    expect(parseFigure('-3', true)).toEqual({ ok: false, message: '«-3»: значение не может быть отрицательным' });
    expect(parseFigure('\u22123', false)).toMatchObject({ ok: false });
    expect(parseFigure('около 300', true)).toEqual({ ok: false, message: '«около 300» — не число' });
    expect(parseFigure('1,2,3', false)).toMatchObject({ ok: false });
    expect(parseFigure('1e5', true)).toMatchObject({ ok: false });
  });

  it('is empty when nothing but spaces is typed', () => {
    expect(parseFigure('', true)).toEqual({ ok: true, value: null });
    expect(parseFigure(' \u00a0', true)).toEqual({ ok: true, value: null });
  });

  it('is shown back as Intl formats it, which reads again as the same number', () => {
    expect(formatFigure(1234)).toBe('1\u00a0234');
    expect(formatFigure(1.5)).toBe('1,5');
    for (const n of [0, 7, 1234, 2500000, 0.75]) expect(parseFigure(formatFigure(n), false)).toEqual({ ok: true, value: n });
  });
});
