import type { AppDb } from '@db/open';
import type { FileOutput } from '@shared/contract/define';
import type { PlanDocument } from '@shared/contract/workPlan';
import type { DocumentSpec } from '@shared/documents/model';
import { todayLocal } from '@shared/russian';
import { planApprovalDocument, planReportDocument, planSheet } from '@shared/documents/workPlan/layout';
import { DOCX_MIME, toFileOutput, XLSX_MIME } from '@main/documents/file';
import { renderDocx, renderSheet } from '@main/documents/render';
import type { DocumentKind } from '@main/services/common/documentKind';
import { approvalData } from './approval';
import { planDocument } from './document';
import { findPlan } from './plans';
import { planSummary } from './summary';

/**
 * The plan's documents, each assembled once as blocks (the Word file and the print view render
 * the same spec): the copy for approval, frozen at approval, and the execution report as of today.
 */
export function planDocumentSpec(db: AppDb, input: { year: number; doc: PlanDocument }, today = todayLocal()): DocumentSpec {
  if (input.doc === 'approval') return planApprovalDocument(approvalData(db, input.year));
  return planReportDocument(planDocument(db, input), planSummary(db, input), today);
}

export async function planDocx(db: AppDb, input: { year: number; doc: PlanDocument }): Promise<FileOutput> {
  const spec = planDocumentSpec(db, input);
  return toFileOutput(await renderDocx(spec), `${spec.fileName}.docx`, DOCX_MIME);
}

/** The working copy in Excel, from the live plan. */
export async function planXlsx(db: AppDb, input: { year: number }): Promise<FileOutput> {
  const sheet = planSheet(planDocument(db, input));
  return toFileOutput(await renderSheet(sheet), `${sheet.fileName}.xlsx`, XLSX_MIME);
}

/** The plan of the year for the export to the shared folder: the copy for approval and the execution report. */
export const planExportKind: DocumentKind = {
  label: 'План работы: копия для утверждения и отчёт о выполнении (Word)',
  build: async (db, year) =>
    findPlan(db, year) ? [await planDocx(db, { year, doc: 'approval' }), await planDocx(db, { year, doc: 'report' })] : [],
};
