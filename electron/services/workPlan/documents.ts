import type { AppDb } from '@db/open';
import type { FileOutput } from '@shared/contract/define';
import { planFileName } from '@shared/documents/workPlan/layout';
import { DOCX_MIME, toFileOutput, XLSX_MIME } from '@main/documents/file';
import { renderPlanDocx } from '@main/documents/workPlan/docx';
import { renderPlanXlsx } from '@main/documents/workPlan/xlsx';
import type { DocumentKind } from '@main/services/common/documentKind';
import { planDocument } from './document';
import { findPlan } from './plans';

export async function planDocx(db: AppDb, input: { year: number }): Promise<FileOutput> {
  return toFileOutput(await renderPlanDocx(planDocument(db, input)), planFileName(input.year, 'docx'), DOCX_MIME);
}

export async function planXlsx(db: AppDb, input: { year: number }): Promise<FileOutput> {
  return toFileOutput(await renderPlanXlsx(planDocument(db, input)), planFileName(input.year, 'xlsx'), XLSX_MIME);
}

/** The plan of the year, in Word and Excel, for the export to the shared folder. */
export const planExportKind: DocumentKind = {
  label: 'План работы (Word и Excel)',
  build: async (db, year) => (findPlan(db, year) ? [await planDocx(db, { year }), await planXlsx(db, { year })] : []),
};
