import ExcelJS from 'exceljs';
import type { PlanDocumentData } from '@shared/contract/workPlan';
import { directionHeading, EMPTY_PLAN_TEXT, itemCells, PLAN_COLUMNS, planTitleLines } from '@shared/documents/workPlan/layout';

const COLUMN_WIDTHS = [8, 48, 18, 16, 26, 30, 24, 30];
const HEADER_ROW = 3;
const FONT = { name: 'Times New Roman', size: 12 };
const thin = { style: 'thin' as const };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

/**
 * The plan as an Excel sheet: the same columns as the Word plan, a bold merged row per
 * direction, the header frozen and filterable, printed A4 landscape one page wide.
 */
export async function renderPlanXlsx(data: PlanDocumentData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = data.centerShortName || 'Ресурсный центр';
  const sheet = workbook.addWorksheet(`План ${data.year}`, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.8, right: 0.6, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  const lastColumn = PLAN_COLUMNS.length;

  sheet.mergeCells(1, 1, 1, lastColumn);
  const title = sheet.getCell(1, 1);
  title.value = planTitleLines(data).join(' ');
  title.font = { ...FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center' };

  const header = sheet.getRow(HEADER_ROW);
  header.values = [...PLAN_COLUMNS];
  header.eachCell((c) => {
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = borders;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
  });

  const fullWidthRow = (text: string, bold: boolean) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, lastColumn);
    const c = row.getCell(1);
    c.font = { ...FONT, bold };
    c.border = borders;
    if (bold) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4F5F7' } };
  };

  for (const group of data.groups) {
    fullWidthRow(directionHeading(group), true);
    for (const item of group.items) {
      const row = sheet.addRow(itemCells(item));
      row.eachCell({ includeEmpty: true }, (c, col) => {
        c.font = FONT;
        c.border = borders;
        c.alignment = { vertical: 'top', wrapText: true, horizontal: col === 1 || col === 4 ? 'center' : 'left' };
      });
    }
  }
  if (data.groups.length === 0) fullWidthRow(EMPTY_PLAN_TEXT, false);

  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: sheet.rowCount, column: lastColumn } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
