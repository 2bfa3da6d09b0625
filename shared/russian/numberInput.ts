/**
 * Figures typed or pasted the Russian way: «1 234» (a space, a no-break U+00A0 or a narrow no-break
 * U+202F between thousands, as Excel and Word copy them), «1,5» (the comma as the decimal sign).
 * A float parser reads «1,5» as 1 and «1 234» as 1, so the grid, the service and the import share
 * this one reading. Pure: the window and the main process both use it.
 */

export type ParsedFigure = { ok: true; value: number | null } | { ok: false; message: string };

/** Spaces of every width Excel, Word and Intl.NumberFormat put between thousands. */
const GROUP_SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;
const MINUS = /^[-\u2212\u2012\u2013]/;

/**
 * One cell's text as a figure: empty → null (no figure), otherwise a non-negative number;
 * `whole` refuses fractions (a count of cases or visits). The message names the text as typed.
 */
export function parseFigure(text: string, whole: boolean): ParsedFigure {
  const compact = text.replace(GROUP_SPACES, '');
  if (compact === '') return { ok: true, value: null };
  if (MINUS.test(compact)) return { ok: false, message: `«${text.trim()}»: значение не может быть отрицательным` };
  // One decimal sign, the comma or the point; digits around it.
  if (!/^\d+([,.]\d+)?$/.test(compact)) return { ok: false, message: `«${text.trim()}» — не число` };
  const value = Number(compact.replace(',', '.'));
  if (!Number.isFinite(value) || value > 1e12) return { ok: false, message: `«${text.trim()}»: слишком большое число` };
  if (whole && !Number.isInteger(value)) return { ok: false, message: `«${text.trim()}»: показатель считается в целых числах` };
  return { ok: true, value };
}

const figureFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 6 });

/** A stored figure as the grid shows it: «1 234», «1,5». */
export const formatFigure = (value: number | null): string => (value === null ? '' : figureFormat.format(value));

/**
 * Excel's clipboard text as rows of cells: cells separated by tabs, rows by CRLF (LF from other
 * programs), one line break after the last row (not an empty row), and a cell with a tab, a line
 * break or a quote quoted with doubled quotes inside. Written here because the grid's own paste
 * handling splits on line breaks without quotes, and papaparse would be a dependency for ten lines.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') endCell();
    else if (ch === '\r' || ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else cell += ch;
    i += 1;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}
