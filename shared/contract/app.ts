import { z } from 'zod';
import { call, REFUSED, REGISTERS } from './define';
import { empty } from './common';

export interface AppStatus {
  version: string;
  /** No choice made yet between an empty and a demo database. */
  firstRun: boolean;
  demo: boolean;
  dataDir: string;
  dbFile: string;
}

export const appCalls = {
  'app.status': call(empty).reads('app').returns<AppStatus>(),
  'app.initialize': call(
    z.object({ mode: z.enum(['empty', 'demo'], { error: 'Выберите: пустая база или демонстрационные данные' }) }).strict(),
  )
    .db(REGISTERS, REFUSED.prepare)
    .returns<AppStatus>(),
};
