import path from 'node:path';
import type { exchangeCalls } from '@shared/contract/exchange';
import type { CallContext, CallScope, Handlers } from '@main/api/dispatch';
import { invalid } from '@main/api/errors';
import { databaseHost } from '@main/api/databaseHost';
import { checkFolder } from './checkFolder';
import { exportKinds, listExportLog, retryRequest, type ExportRequest } from './export';
import { startExportJob } from './jobs';
import { openPackage } from './openPackage';
import { checkFolderPath, getExchangeSettings, saveExchangeSettings } from './settings';

function nativeBinding(ctx: CallContext): { nativeBinding?: string } {
  const binding = databaseHost(ctx)?.openOptions.nativeBinding;
  return binding ? { nativeBinding: binding } : {};
}

/** The job opens its log entry as it starts: the call's answer says so, and the log shows it at once. */
function start(ctx: CallContext, scope: CallScope, request: ExportRequest) {
  scope.changed('exchange');
  return startExportJob(request, {
    db: ctx.db,
    dbFile: ctx.env.dbFile,
    dataDir: ctx.env.dataDir,
    appVersion: ctx.env.version,
    ...nativeBinding(ctx),
  });
}

export const exchangeHandlers: Handlers<typeof exchangeCalls> = {
  'exchange.settings': ({ db }) => getExchangeSettings(db),
  'exchange.saveSettings': ({ db }, input) => saveExchangeSettings(db, input),
  'exchange.checkFolder': ({ db }, input) => {
    const folder = input.folder ?? getExchangeSettings(db).folder;
    if (!folder) throw invalid('Сначала укажите папку выгрузки', { folder: 'Укажите папку выгрузки' });
    return checkFolder({ folder: checkFolderPath(folder) });
  },
  'exchange.kinds': () => exportKinds(),
  'exchange.export': (ctx, input, scope) => {
    const settings = getExchangeSettings(ctx.db);
    if (!settings.folder || !settings.centerCode) throw invalid('Сначала укажите и сохраните папку выгрузки и код центра');
    return start(ctx, scope, { ...input, folder: settings.folder, centerCode: settings.centerCode, origin: 'ui' });
  },
  'exchange.log': ({ db }, input) => listExportLog(db, input),
  'exchange.retry': (ctx, { logId }, scope) => start(ctx, scope, retryRequest(ctx.db, logId, 'ui')),
  'exchange.openPackage': (ctx, { manifestPath }) =>
    openPackage({ manifestPath, receiveDir: path.join(ctx.env.dataDir, 'received'), ...nativeBinding(ctx) }),
};
