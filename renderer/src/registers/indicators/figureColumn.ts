import { createTextColumn } from 'react-datasheet-grid';
import { formatFigure, parseFigure } from '@shared/russian';

/**
 * The grid's number column, the Russian way: the cell keeps the text as typed or pasted, shown as
 * «1 234» once it reads as a number (shared/russian/numberInput.ts, the reading the service applies
 * again on save); text that does not read stays as typed, marked, so nothing typed is lost. The
 * grid's own float column reads «1,5» as 1 and «1 234» as 1.
 */
export const figureColumn = createTextColumn<string>({
  alignRight: true,
  deletedValue: '',
  parseUserInput: (text) => text.trim(),
  parsePastedValue: (text) => text.trim(),
  formatInputOnFocus: (text) => text,
  formatForCopy: (text) => text,
  formatBlurredInput: (text) => {
    const figure = parseFigure(text, false);
    return figure.ok && figure.value !== null ? formatFigure(figure.value) : text;
  },
});
