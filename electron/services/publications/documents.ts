import type { AppDb } from '@db/open';
import type { FileOutput } from '@shared/contract/define';
import { statementDocument, statementSheet, stockDocument, stockSheet } from '@shared/documents/publications/layout';
import { DOCX_MIME, toFileOutput, XLSX_MIME } from '@main/documents/file';
import { renderDocx, renderSheet } from '@main/documents/render';
import { getProfile } from '@main/services/registry';
import type { DocumentKind } from '@main/services/common/documentKind';
import { todayLocal } from '@shared/russian';
import { movementStatement, stockOnDate } from './statements';
import { writeOffActDocument } from '@shared/documents/publications/writeOffAct';
import { getAct, listActs } from './writeOffActs';

/** The publications' statements in Word and Excel: one report each (shared/documents/publications/layout.ts). */

const header = (db: AppDb) => ({ centerFullName: getProfile(db).fullName });

type OnDate = { date: string; includeArchived: boolean };
type Period = { from: string; to: string };

export async function stockDocx(db: AppDb, input: OnDate): Promise<FileOutput> {
  const spec = stockDocument(stockOnDate(db, input), header(db));
  return toFileOutput(await renderDocx(spec), `${spec.fileName}.docx`, DOCX_MIME);
}

export async function stockXlsx(db: AppDb, input: OnDate): Promise<FileOutput> {
  const sheet = stockSheet(stockOnDate(db, input), header(db));
  return toFileOutput(await renderSheet(sheet), `${sheet.fileName}.xlsx`, XLSX_MIME);
}

export async function statementDocx(db: AppDb, input: Period): Promise<FileOutput> {
  const spec = statementDocument(movementStatement(db, input), header(db));
  return toFileOutput(await renderDocx(spec), `${spec.fileName}.docx`, DOCX_MIME);
}

export async function statementXlsx(db: AppDb, input: Period): Promise<FileOutput> {
  const sheet = statementSheet(movementStatement(db, input), header(db));
  return toFileOutput(await renderSheet(sheet), `${sheet.fileName}.xlsx`, XLSX_MIME);
}

/**
 * The year's statements for the export to the shared folder: the movement statement for the year
 * and the stock at its end (today for the current year), Word and Excel; nothing for a year
 * without movements.
 */
export const publicationsExportKind: DocumentKind = {
  label: 'Печатная продукция: ведомость движения за год и ведомость остатков (Word и Excel)',
  build: async (db, year) => {
    const from = `${year}-01-01`;
    const today = todayLocal();
    const to = `${year}-12-31` < today ? `${year}-12-31` : today;
    if (to < from) return [];
    const statement = movementStatement(db, { from, to });
    if (statement.rows.length === 0) return [];
    const onDate = { date: to, includeArchived: false };
    return [
      await statementDocx(db, { from, to }),
      await statementXlsx(db, { from, to }),
      await stockDocx(db, onDate),
      await stockXlsx(db, onDate),
    ];
  },
};

/** An act of write-off in Word: «ПРОЕКТ» on a draft, the number and the approval once signed. */
export async function writeOffActDocx(db: AppDb, input: { id: number }): Promise<FileOutput> {
  const profile = getProfile(db);
  const spec = writeOffActDocument(getAct(db, input), { centerFullName: profile.fullName, centerShortName: profile.shortName });
  return toFileOutput(await renderDocx(spec), `${spec.fileName}.docx`, DOCX_MIME);
}

/** The year's signed acts of write-off, in Word, for the export to the shared folder. */
export const writeOffActsExportKind: DocumentKind = {
  label: 'Печатная продукция: подписанные акты списания за год (Word)',
  build: async (db, year) => {
    const signed = listActs(db, { year }).filter((a) => a.status === 'signed');
    const files: FileOutput[] = [];
    for (const act of signed.reverse()) files.push(await writeOffActDocx(db, { id: act.id }));
    return files;
  },
};
