import type { AppDb } from '@db/open';
import type { DocumentKind } from '@main/services/common/documentKind';
import type { FileOutput } from '@shared/contract/define';
import type { Indicator } from '@shared/contract/indicators';
import type { DocumentSpec } from '@shared/documents/model';
import { yearReportDocument, yearReportSheet, type YearReport, type YearReportChart } from '@shared/documents/indicators/layout';
import { DOCX_MIME, toFileOutput, XLSX_MIME } from '@main/documents/file';
import { renderDocx, renderSheet } from '@main/documents/render';
import { getProfile } from '@main/services/registry';
import { listIndicators, requireIndicator } from './catalogue';
import { findSource, periodDays } from './sources';
import { yearsChart, yearsOf } from './yearOverYear';

export interface YearDocumentInput {
  year: number;
  /** The indicator whose year-over-year chart the document carries; none: the table alone. */
  chartIndicatorId: number | null;
}

/** Every indicator's figure for the year and the year before (active ones, and archived ones with a figure in either). */
function yearReport(db: AppDb, year: number): YearReport {
  const rows = listIndicators(db).flatMap((indicator) => {
    const years = yearsOf(db, indicator, { from: year - 1, to: year });
    const [now, before] = [years.find((y) => y.year === year), years.find((y) => y.year === year - 1)];
    if (indicator.archived && !now && !before) return [];
    return [
      {
        group: indicator.group,
        name: indicator.name,
        unit: indicator.unit,
        value: now?.value ?? null,
        previous: before?.value ?? null,
        basis: now?.basis ?? '',
        complete: now?.complete ?? false,
        previousComplete: before?.complete ?? false,
      },
    ];
  });
  return { year, centerFullName: getProfile(db).fullName, rows };
}

const chartTitle = (indicator: Indicator) => `${indicator.name} по годам, ${indicator.unit}`;

/** The chart: the indicator's years up to the document's year, drawn at 16 cm. */
async function yearChart(db: AppDb, input: YearDocumentInput): Promise<YearReportChart | null> {
  if (input.chartIndicatorId === null) return null;
  const indicator = requireIndicator(db, input.chartIndicatorId);
  const years = yearsOf(db, indicator).filter((y) => y.year <= input.year);
  if (years.length === 0) return null;
  const spec = yearsChart(indicator, years);
  // ECharts and resvg are loaded on the first chart (see yearOverYear.ts).
  const { chartImage } = await import('@main/documents/chart');
  return { image: await chartImage(spec, { widthMm: 160 }), title: chartTitle(indicator) };
}

export async function yearDocumentView(db: AppDb, input: YearDocumentInput): Promise<DocumentSpec> {
  return yearReportDocument(yearReport(db, input.year), await yearChart(db, input));
}

export async function yearDocx(db: AppDb, input: YearDocumentInput): Promise<FileOutput> {
  const spec = await yearDocumentView(db, input);
  return toFileOutput(await renderDocx(spec), `${spec.fileName}.docx`, DOCX_MIME);
}

export async function yearXlsx(db: AppDb, input: YearDocumentInput): Promise<FileOutput> {
  const title = input.chartIndicatorId === null ? null : chartTitle(requireIndicator(db, input.chartIndicatorId));
  const sheet = yearReportSheet(yearReport(db, input.year), title);
  return toFileOutput(await renderSheet(sheet), `${sheet.fileName}.xlsx`, XLSX_MIME);
}

/** The year has a typed figure, or a register counts anything in it: only then is there a document. */
function yearHasFigures(db: AppDb, year: number): boolean {
  if (db.$client.prepare('SELECT 1 FROM indicator_values WHERE year = ? LIMIT 1').get(year)) return true;
  return listIndicators(db).some((indicator) => {
    const source =
      indicator.rule === 'computed' && indicator.source && !indicator.source.missing ? findSource(indicator.source.key) : undefined;
    return source !== undefined && source.count(db, periodDays(year, null)).some((f) => f.value > 0);
  });
}

/**
 * «Показатели мониторинга за год» for the export to the shared folder, Word and Excel; nothing for a
 * year without figures. The screen lets the user choose the chart's indicator; unattended, the
 * export draws the first indicator of the catalogue that has a figure for the year (the catalogue's
 * order is the center's own: «Случаи открыты» heads the defaults, as in the annual report).
 */
export const indicatorsExportKind: DocumentKind = {
  label: 'Мониторинг: показатели мониторинга за год с диаграммой (Word и Excel)',
  build: async (db, year) => {
    if (!yearHasFigures(db, year)) return [];
    const charted = listIndicators(db).find(
      (indicator) => !indicator.archived && yearsOf(db, indicator, { from: year, to: year }).some((y) => y.year === year && y.value > 0),
    );
    const input = { year, chartIndicatorId: charted?.id ?? null };
    return [await yearDocx(db, input), await yearXlsx(db, input)];
  },
};
