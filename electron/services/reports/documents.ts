import type { AppDb } from '@db/open';
import type { FileOutput } from '@shared/contract/define';
import type { ReportPeriod } from '@shared/contract/reports';
import type { DocumentKind } from '@main/services/common/documentKind';
import type { SheetCell } from '@shared/documents/sheet';
import { DOCX_MIME, toFileOutput } from '@main/documents/file';
import { renderDocx, renderSheet } from '@main/documents/render';
import { formatDate } from '@shared/russian';
import { periodLabel } from './assemble';
import { approvedOfYear, listReports, reportDocumentOf, withCharts, type ReportProgress } from './reports';

export async function reportDocx(db: AppDb, p: ReportPeriod, progress: ReportProgress = () => {}): Promise<FileOutput> {
  const spec = await reportDocumentOf(db, p, undefined, progress);
  progress('docx');
  return toFileOutput(await renderDocx(spec), `${spec.fileName}.docx`, DOCX_MIME);
}

/** The export carries approved reports only: a draft is not the center's report yet. */
export const reportsExportKind: DocumentKind = {
  label: 'Утверждённые отчёты о работе (Word)',
  build: async (db, year) => {
    const files: FileOutput[] = [];
    for (const { copy } of approvedOfYear(db, year)) {
      const spec = await withCharts(copy);
      files.push(toFileOutput(await renderDocx(spec), `${spec.fileName}.docx`, DOCX_MIME));
    }
    return files;
  },
};

export const REPORT_FIGURES_TABLE_NAME = 'report-figures.xlsx';

/**
 * The figures of every approved report, as approved, in one flat table for the regional
 * coordinator who reads twenty centers' packages: a row per figure and place, numbers as numbers,
 * the period and the approval date beside them (Excel for the reason indicators.xlsx gives).
 */
export async function reportFiguresTable(db: AppDb): Promise<Buffer> {
  const rows: SheetCell[][] = [];
  const years = [...new Set(listReports(db).map((r) => r.year))].sort((a, b) => a - b);
  for (const year of years) {
    for (const { period, copy } of approvedOfYear(db, year)) {
      const approvedOn = listReports(db).find((r) => r.year === period.year && r.quarter === period.quarter)?.approvedOn ?? null;
      for (const f of copy.figures)
        rows.push([
          period.year,
          period.quarter,
          periodLabel(period),
          f.section,
          f.figure,
          f.place,
          f.value,
          f.unit,
          formatDate(approvedOn),
        ]);
    }
  }
  return renderSheet({
    fileName: 'report-figures',
    sheetName: 'Показатели отчётов',
    title: [],
    orientation: 'landscape',
    columns: [
      { title: 'Год', width: 8, align: 'center' },
      { title: 'Квартал', width: 9, align: 'center' },
      { title: 'Период', width: 18 },
      { title: 'Раздел', width: 20 },
      { title: 'Показатель', width: 50 },
      { title: 'Где', width: 26 },
      { title: 'Значение', width: 12 },
      { title: 'Единица', width: 13 },
      { title: 'Утверждён', width: 12, align: 'center' },
    ],
    rows,
  });
}
