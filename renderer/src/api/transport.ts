import type { Result } from '@shared/contract/define';

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
