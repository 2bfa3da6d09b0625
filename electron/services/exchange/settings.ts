import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { centerCode as centerCodeSchema, type ExchangeSettings } from '@shared/contract/exchange';
import { invalid } from '@main/api/errors';
import { getSetting, setSetting } from '@main/services/common/settings';
import { pathProblem, splitAbsolute } from '@shared/paths';

const FOLDER_KEY = 'exchange.folder';
const CODE_KEY = 'exchange.centerCode';

export function getExchangeSettings(db: AppDb): ExchangeSettings {
  return { folder: getSetting<string>(db, FOLDER_KEY) ?? '', centerCode: getSetting<string>(db, CODE_KEY) ?? '' };
}

/** A full path that Windows accepts (shared/paths.ts): relative paths would depend on where the app or the scheduler starts it. */
export function checkFolderPath(folder: string): string {
  const trimmed = folder.trim();
  const problem = pathProblem(trimmed);
  if (problem) {
    const message = splitAbsolute(trimmed)
      ? `Папка выгрузки не подходит: ${problem}`
      : 'Укажите полный путь к папке выгрузки, например \\\\server\\share\\Выгрузка или Z:\\Выгрузка';
    throw invalid(message, { folder: splitAbsolute(trimmed) ? problem : 'Укажите полный путь к папке' });
  }
  return trimmed;
}

export function checkCenterCode(code: string): string {
  const parsed = centerCodeSchema.safeParse(code);
  if (!parsed.success) throw invalid(parsed.error.issues[0]!.message, { centerCode: parsed.error.issues[0]!.message });
  return parsed.data;
}

export function saveExchangeSettings(db: AppDb, input: ExchangeSettings): ExchangeSettings {
  const folder = checkFolderPath(input.folder);
  const code = checkCenterCode(input.centerCode);
  inTransaction(db, () => {
    setSetting(db, FOLDER_KEY, folder);
    setSetting(db, CODE_KEY, code);
  });
  return getExchangeSettings(db);
}
