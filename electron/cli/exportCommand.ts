import path from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseOpenError, openDatabase, type OpenedDatabase } from '@db/open';
import { DB_FILE_NAME } from '@main/api/app';
import { DomainError } from '@main/api/errors';
import { APP_VERSION } from '@main/api/version';
import { DATA_KIND, exportKinds, getExchangeSettings, runExport } from '@main/services/exchange';
import { currentYear } from '@shared/russian';

/**
 * Export without a window, for Windows Task Scheduler or cron:
 *   export --data-dir DIR [--to FOLDER] [--kinds plan,data] [--year 2017] [--center RC-06]
 * The same export as the «Выгрузка» screen, written to the same log. Answers the exit code
 * and one line: 0 on success; 2 for a bad command line, 3 when the database cannot be opened,
 * 1 when the export failed. No process.exit here, so the Electron main process can run it too.
 */

export interface CommandResult {
  code: number;
  /** One line: stdout on success, stderr otherwise. */
  line: string;
}

const USAGE = 'Использование: export --data-dir ПАПКА_ДАННЫХ [--to ПАПКА_ВЫГРУЗКИ] [--kinds plan,data] [--year ГГГГ] [--center КОД]';

class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

export async function exportCommand(
  argv: string[],
  options: { nativeBinding?: string; migrationsFolder?: string } = {},
): Promise<CommandResult> {
  let opened: OpenedDatabase | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          'data-dir': { type: 'string' },
          to: { type: 'string' },
          kinds: { type: 'string' },
          year: { type: 'string' },
          center: { type: 'string' },
        },
      });
    } catch (error) {
      throw new Refusal(2, `${(error as Error).message}. ${USAGE}`);
    }
    const { values, positionals } = parsed;
    if (positionals[0] !== 'export') throw new Refusal(2, USAGE);
    if (!values['data-dir']) throw new Refusal(2, `Не указана папка данных (--data-dir). ${USAGE}`);
    const dataDir = path.resolve(values['data-dir']);
    const year = values.year ? Number(values.year) : currentYear();
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Refusal(2, `Год указан неверно: ${values.year}`);
    const kinds = values.kinds
      ? values.kinds
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean)
      : exportKinds().map((k) => k.id);

    try {
      opened = openDatabase({
        file: path.join(dataDir, DB_FILE_NAME),
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
      });
    } catch (error) {
      throw new Refusal(
        3,
        error instanceof DatabaseOpenError ? error.message : `Не удалось открыть базу данных: ${(error as Error).message}`,
      );
    }
    const settings = getExchangeSettings(opened.db);
    const folder = values.to ?? settings.folder;
    const centerCode = values.center ?? settings.centerCode;
    if (!folder) throw new Refusal(2, 'Папка выгрузки не задана: укажите --to или задайте её в приложении');
    if (!centerCode) throw new Refusal(2, 'Код центра не задан: укажите --center или задайте его в приложении');
    const outcome = await runExport(
      { year, kinds, folder: path.isAbsolute(folder) ? folder : path.resolve(folder), centerCode, origin: 'cli' },
      { db: opened.db, dataDir, appVersion: APP_VERSION, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) },
    );
    if (outcome.status !== 'ok') throw new Refusal(1, outcome.errorMessage ?? 'Выгрузка не выполнена');
    const pkg = outcome.files.find((f) => f.kind === DATA_KIND && f.path.endsWith('manifest.json'));
    return { code: 0, line: `Выгрузка выполнена: файлов ${outcome.files.length}${pkg ? `, пакет ${pkg.path}` : ''}` };
  } catch (error) {
    if (error instanceof Refusal) return { code: error.code, line: oneLine(error.message) };
    if (error instanceof DomainError) return { code: 2, line: oneLine(error.message) };
    return { code: 1, line: oneLine(`Выгрузка не выполнена: ${(error as Error).message}`) };
  } finally {
    opened?.sqlite.close();
  }
}
