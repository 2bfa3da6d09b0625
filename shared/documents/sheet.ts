/**
 * A spreadsheet as data, the Excel twin of `DocumentSpec`: the services assemble it, the one
 * Excel helper (`electron/documents/xlsx.ts`) renders it, so every sheet gets fitted row heights,
 * real dates, print titles, page numbers and a filter over its data rows only.
 */

/** A cell: text, a number, or a calendar date (ISO) stored as a real date the sheet can sort and filter. */
export type SheetCell = string | number | { date: string } | null;

export interface SheetColumn {
  title: string;
  /** Width in characters of the sheet's font. */
  width: number;
  align?: 'left' | 'center';
}

export interface SheetSpec {
  /** The file name without extension. */
  fileName: string;
  sheetName: string;
  /** Lines above the table (the title), each merged across the columns. */
  title: string[];
  columns: SheetColumn[];
  rows: SheetCell[][];
  orientation: 'portrait' | 'landscape';
  /** Further worksheets of the same file (a statement's breakdowns), each with its own header and filter. */
  more?: Omit<SheetSpec, 'fileName' | 'more'>[];
}
