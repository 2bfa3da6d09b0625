import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '@shared/contract/define';
import { INVOKE_CHANNEL } from '@main/preload/channel';
import { isAppUrl } from './origin';

export type Dispatch = (name: string, payload: unknown) => Promise<Result<unknown>>;

/** Only the app's own page (app://renderer) may call; a foreign frame never reaches a handler. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  return isAppUrl(event.senderFrame?.url);
}

const refused: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'Команда отклонена: она пришла не из окна приложения' },
};

/**
 * The main-process end of the preload's `invoke`. The sender is checked first, then the call
 * name; the payload itself is validated by the dispatcher against the contract's zod schema
 * before any handler runs.
 */
export function registerInvokeHandler(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  trusted: (event: IpcMainInvokeEvent) => boolean = isTrustedSender,
): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, payload: unknown): Promise<Result<unknown>> => {
    if (!trusted(event)) return refused;
    if (typeof name !== 'string' || name.length === 0) {
      return { ok: false, error: { code: 'unknown_call', message: 'Неизвестная команда приложения' } };
    }
    try {
      return await dispatch(name, payload);
    } catch {
      // The dispatcher answers with envelopes itself; this only keeps a bug from reaching the window as a raw exception.
      return { ok: false, error: { code: 'internal', message: 'Внутренняя ошибка приложения: действие не выполнено, данные не изменены' } };
    }
  });
}
