import type { AppDb } from '../../db/open';
import type { FileOutput } from '../contract/define';
import { findPlan } from '../services/workPlan/plans';
import { planDocument } from '../services/workPlan/document';
import { renderPlanDocx } from './workPlan/docx';
import { renderPlanXlsx } from './workPlan/xlsx';
import { planFileName } from './workPlan/layout';
import { DOCX_MIME, toFileOutput, XLSX_MIME } from './file';
import { yearMinutesDocx } from './meetings';

/**
 * The documents an export can carry, one entry per kind. The kind is also the folder name on
 * the share (`<center>/<year>/<kind>/`), so it is stable Latin. A register adds its line
 * here; a builder answers an empty list when the year has nothing of its kind.
 */
export interface DocumentKind {
  label: string;
  build: (db: AppDb, year: number) => Promise<FileOutput[]>;
}

export const documentCatalog = {
  plan: {
    label: 'План работы (Word и Excel)',
    build: async (db, year) => {
      if (!findPlan(db, year)) return [];
      const data = planDocument(db, { year });
      return [
        toFileOutput(await renderPlanDocx(data), planFileName(year, 'docx'), DOCX_MIME),
        toFileOutput(await renderPlanXlsx(data), planFileName(year, 'xlsx'), XLSX_MIME),
      ];
    },
  },
  minutes: { label: 'Подписанные протоколы заседаний за год (Word)', build: yearMinutesDocx },
} satisfies Record<string, DocumentKind>;

export type DocumentKindId = keyof typeof documentCatalog;
