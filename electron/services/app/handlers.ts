import { inTransaction } from '@db/transaction';
import type { appCalls, AppStatus } from '@shared/contract/app';
import type { CallContext, Handlers } from '@main/api/dispatch';
import { conflict } from '@main/api/errors';
import { seedDemo } from './demo';
import { getSetting, setSetting } from '@main/services/common/settings';

function status({ db, env }: CallContext): AppStatus {
  const mode = getSetting<'empty' | 'demo'>(db, 'initializedAs');
  return { version: env.version, firstRun: mode === undefined, demo: mode === 'demo', dataDir: env.dataDir, dbFile: env.dbFile };
}

export const appHandlers: Handlers<typeof appCalls> = {
  'app.status': (ctx) => status(ctx),
  'app.initialize': (ctx, { mode }) => {
    inTransaction(ctx.db, () => {
      if (getSetting(ctx.db, 'initializedAs') !== undefined) throw conflict('База данных уже подготовлена к работе');
      if (mode === 'demo') seedDemo(ctx.db);
      setSetting(ctx.db, 'initializedAs', mode);
    });
    return status(ctx);
  },
};
