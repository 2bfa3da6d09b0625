import type { Result } from '@shared/contract/define';
import type { StoredFile } from '@shared/contract/files';
import { saveBlob } from '@renderer/lib/download';

/**
 * How a call reaches the main process. In the Electron window the preload exposes one
 * `invoke` function; in the browser host the same call goes over HTTP with the per-start
 * token that arrived in the URL fragment.
 */
declare global {
  interface Window {
    resourceCenter?: { invoke(name: string, input: unknown): Promise<Result<unknown>> };
  }
}

const TOKEN_KEY = 'rc-token';

/** Moves the token from the address bar into the tab's session storage, so it survives reloads but is not left on screen. */
export function captureToken(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search + '#/');
  }
}

export async function invoke(name: string, input: unknown): Promise<Result<unknown>> {
  if (window.resourceCenter) return window.resourceCenter.invoke(name, input);
  const response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-rc-token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
    body: JSON.stringify(input ?? {}),
  }).catch(() => undefined);
  // The host can also go away while it sends the answer: the body then breaks off.
  const result = response && ((await response.json().catch(() => undefined)) as Result<unknown> | undefined);
  return result ?? { ok: false, error: { code: 'internal', message: 'Нет связи с приложением: оно закрыто или перезапущено' } };
}

/**
 * Puts a file the user picked into the application's file store. In the browser host the file
 * is streamed to `/api/upload` (never as base64 inside a call); the Electron window chooses files
 * with its own dialog (`files.choose`) instead, so this is the browser's way only.
 */
export async function uploadFile(file: File): Promise<Result<StoredFile>> {
  const query = new URLSearchParams({ name: file.name, size: String(file.size) });
  const response = await fetch(`/api/upload?${query.toString()}`, {
    method: 'POST',
    headers: { 'x-rc-token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
    body: file,
  }).catch(() => undefined);
  const result = response && ((await response.json().catch(() => undefined)) as Result<StoredFile> | undefined);
  return result ?? { ok: false, error: { code: 'internal', message: 'Нет связи с приложением: оно закрыто или перезапущено' } };
}

/** In the Electron window: files are chosen by the system dialog of the main process, a PDF is made by it. */
export const inElectronWindow = () => window.resourceCenter !== undefined;

/**
 * Saves a stored file (a publication's PDF) in the browser host: streamed from `/api/file/<hash>`
 * with the token, never inside a call's JSON, then handed to the browser's save flow under `fileName`.
 */
export async function downloadStoredFile(hash: string, fileName: string): Promise<Result<null>> {
  const response = await fetch(`/api/file/${encodeURIComponent(hash)}`, {
    headers: { 'x-rc-token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
  }).catch(() => undefined);
  if (!response) return { ok: false, error: { code: 'internal', message: 'Нет связи с приложением: оно закрыто или перезапущено' } };
  if (!response.ok) {
    const refused = (await response.json().catch(() => undefined)) as Result<null> | undefined;
    return refused && !refused.ok ? refused : { ok: false, error: { code: 'not_found', message: 'Файл не найден в хранилище приложения' } };
  }
  saveBlob(await response.blob(), fileName);
  return { ok: true, value: null, changed: [] };
}
