import { formatDate, isIsoDate, readWrittenDate } from '@shared/russian';
import type { Cell } from './read';

/** What a cell says as text: a day as ДД.ММ.ГГГГ, a number as the digits the sheet holds. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell).replace('.', ',');
  return formatDate(cell.day);
}

/** Excel's day 0 is 30.12.1899 (its 1900 leap-year mistake folded in from 01.03.1900 on). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serial numbers a list can sensibly hold: 1954 to 2119. */
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

export type DateReading = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'bad'; text: string };

/**
 * A date in any of the forms a list has it: a real date cell, a serial number in a General-format
 * cell (Excel shows 45363 for 12.03.2024 once the format is lost), or text — «12.03.2024»,
 * «12.03.24», «12 марта 2024 г.», «2024-03-12».
 */
export function readDate(cell: Cell | undefined): DateReading {
  if (cell === undefined || cell === '') return { kind: 'empty' };
  if (typeof cell === 'object') return { kind: 'date', iso: cell.day };
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= SERIAL_MIN && cell <= SERIAL_MAX) {
      return { kind: 'date', iso: new Date(EXCEL_EPOCH_MS + cell * 86_400_000).toISOString().slice(0, 10) };
    }
    return { kind: 'bad', text: cellText(cell) };
  }
  const text = cell.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isIsoDate(text) ? { kind: 'date', iso: text } : { kind: 'bad', text };
  const written = readWrittenDate(text);
  return written.kind === 'date' ? { kind: 'date', iso: written.iso } : { kind: 'bad', text };
}

const groupRussian = (ten: string) => `(${ten.slice(0, 3)}) ${ten.slice(3, 6)}-${ten.slice(6, 8)}-${ten.slice(8)}`;

/**
 * A phone number typed into a cell as a number loses what a number cannot hold: «+7 910…»
 * becomes 79101234567, «8 (910)…» 89101234567, «910…» stays ten digits. Those are written back
 * in the usual form; other numbers (a city's short one) as their digits; text stays as typed.
 */
export function readPhone(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell !== 'number') return cellText(cell).trim();
  if (!Number.isInteger(cell) || cell < 0) return cellText(cell);
  const digits = String(cell);
  if (digits.length === 11 && digits.startsWith('7')) return `+7 ${groupRussian(digits.slice(1))}`;
  if (digits.length === 11 && digits.startsWith('8')) return `8 ${groupRussian(digits.slice(1))}`;
  if (digits.length === 10 && digits.startsWith('9')) return `+7 ${groupRussian(digits)}`;
  return digits;
}
