import type { Handlers } from '@main/api/dispatch';
import type { indicatorsCalls } from '@shared/contract/indicators';
import { describeIndicator, listIndicators } from './catalogue';
import { getSheet, saveSheet } from './sheet';
import { yearOverYear } from './yearOverYear';
import { yearDocumentView, yearDocx, yearXlsx } from './documents';
import { COMPUTED_SOURCES, sourceInfo } from './sources';

export const indicatorsHandlers: Handlers<typeof indicatorsCalls> = {
  'indicators.catalogue': ({ db }) => listIndicators(db),
  'indicators.describe': ({ db }, input) => describeIndicator(db, input),
  'indicators.sheet': ({ db }, input) => getSheet(db, input),
  'indicators.saveSheet': ({ db }, input) => saveSheet(db, input),
  'indicators.yearDocumentView': ({ db }, input) => yearDocumentView(db, input),
  'indicators.yearDocx': ({ db }, input) => yearDocx(db, input),
  'indicators.yearXlsx': ({ db }, input) => yearXlsx(db, input),
  'indicators.sources': () => COMPUTED_SOURCES.map(sourceInfo),
  'indicators.yearOverYear': ({ db }, input) => yearOverYear(db, input),
};
