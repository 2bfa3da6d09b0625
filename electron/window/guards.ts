import { withSecurityHeaders } from '@main/security/csp';
import type { GuardedSession, GuardedWebContents } from './electron-api';
import { isAppUrl, isExternalWebUrl } from './origin';

export interface WebContentsGuardOptions {
  /** shell.openExternal: the system browser, for http(s) links only. */
  openExternal(url: string): Promise<void> | void;
  /** Defaults to the app:// origin check. */
  isAppUrl?: (url: string) => boolean;
}

function openOutside(options: WebContentsGuardOptions, url: string): void {
  if (!isExternalWebUrl(url)) return;
  // A failed hand-off (no default browser) must not crash the main process.
  try {
    void Promise.resolve(options.openExternal(url)).catch(() => undefined);
  } catch {
    // The same failure, thrown synchronously.
  }
}

/**
 * Keeps every web contents (the window, and anything a bug might create) on the app's own
 * pages. Hash routing never triggers 'will-navigate', so the only legitimate navigation is a
 * reload of app://renderer itself; a link to a web site is handed to the system browser
 * instead of replacing the app, and nothing else is ever loaded or opened.
 */
export function installWebContentsGuards(contents: GuardedWebContents, options: WebContentsGuardOptions): void {
  const own = options.isAppUrl ?? isAppUrl;

  contents.on('will-navigate', (event, url) => {
    if (own(url)) return;
    event.preventDefault();
    openOutside(options, url);
  });

  // A redirect is never the user's choice, so a redirect away from the app is only refused.
  contents.on('will-redirect', (event, url) => {
    if (!own(url)) event.preventDefault();
  });

  contents.setWindowOpenHandler(({ url }) => {
    openOutside(options, url);
    return { action: 'deny' };
  });

  // <webview> is disabled in the window options; refusing the attach covers any contents created otherwise.
  contents.on('will-attach-webview', (event) => event.preventDefault());

  // Unhandled, Electron would pick the first Bluetooth device for navigator.bluetooth on its own.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

/**
 * Deny-by-default for the session: the app needs no camera, microphone, location,
 * notifications, clipboard reading or any other permission. Every response also carries the
 * app's content security policy, whoever served it.
 */
export function installSessionGuards(session: GuardedSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
}
