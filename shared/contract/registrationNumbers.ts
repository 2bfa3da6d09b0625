/**
 * «Отметить по номерам»: the registration numbers a secretary types from the signed sheet —
 * «1, 3, 5–9». Numbers are separated by commas, semicolons or spaces; a range is two numbers
 * joined by a hyphen, an en or em dash or a minus sign (Word turns «5-9» into «5–9»), both ends
 * included. Hand-written: the grammar is five lines and no library parses Russian ranges.
 */

/** A range this long is a typing slip (a missing comma in «1 200»), not a hall. */
const MAX_RANGE = 1000;

export type ParsedNumbers = { ok: true; numbers: number[] } | { ok: false; message: string };

const EXAMPLE = 'например: 1, 3, 5–9';

export function parseRegistrationNumbers(text: string): ParsedNumbers {
  // Spaces around a dash belong to the range: «5 – 9».
  const pieces = text
    .replace(/\s*[-–—−]\s*/g, '–')
    .split(/[,;\s]+/)
    .filter((p) => p !== '');
  if (pieces.length === 0) return { ok: false, message: `Укажите номера участников, ${EXAMPLE}` };
  const numbers = new Set<number>();
  for (const piece of pieces) {
    const range = /^(\d{1,6})(?:–(\d{1,6}))?$/.exec(piece);
    if (!range) return { ok: false, message: `Не понятно «${piece}»: укажите номера через запятую, диапазон через тире, ${EXAMPLE}` };
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from === 0 || to === 0) return { ok: false, message: 'Номера участников начинаются с 1' };
    if (to < from) return { ok: false, message: `Диапазон «${piece}» идёт в обратную сторону: напишите ${to}–${from}` };
    if (to - from >= MAX_RANGE) return { ok: false, message: `Диапазон «${piece}» слишком длинный: не больше ${MAX_RANGE} номеров` };
    for (let n = from; n <= to; n++) numbers.add(n);
  }
  return { ok: true, numbers: [...numbers].sort((a, b) => a - b) };
}
