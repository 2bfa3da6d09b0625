import { BorderStyle } from 'docx';

/**
 * What every Word document of the center shares (ГОСТ Р 7.0.97-2016; the 2025 edition keeps A4 and 12–14 pt per klerk.ru 19.08.2025): A4, Times New Roman 14
 * for text and 12 in tables (wide tables do not fit 14 pt), thin black cell borders.
 */

/** Millimetres to twentieths of a point (twips), the unit of page sizes and margins in docx. */
export const mm = (value: number) => Math.round((value * 1440) / 25.4);

/** A4 given in portrait; docx swaps width and height for a landscape section. */
export const A4 = { width: mm(210), height: mm(297) };

/** Top and bottom 20 mm, left 30 mm (documents kept over ten years); the right one is each document's. */
export const pageMargins = (rightMm: number) => ({ top: mm(20), bottom: mm(20), left: mm(30), right: mm(rightMm) });

export const FONT = 'Times New Roman';
export const BODY_SIZE = 28; // 14 pt in half-points
export const TABLE_SIZE = 24; // 12 pt

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const cellBorders = { top: border, bottom: border, left: border, right: border };
/** The executor mark may be set smaller (ВНИИДАД recommendations to ГОСТ Р 7.0.97-2016, 4.25). */
export const NOTE_SIZE = 20; // 10 pt
