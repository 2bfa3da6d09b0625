import type { Session, WebContents } from 'electron';
import { withSecurityHeaders } from '@main/security/csp';
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
export function installWebContentsGuards(contents: WebContents, options: WebContentsGuardOptions): void {
  const own = options.isAppUrl ?? isAppUrl;

  // The URL is read from the event itself: the positional `url` argument is deprecated in Electron's API.
  contents.on('will-navigate', (event) => {
    if (own(event.url)) return;
    event.preventDefault();
    openOutside(options, event.url);
  });

  // 'will-navigate' covers the main frame only; a frame (the CSP forbids them, this is the second
  // line) is never navigated away from the app, and nothing is opened on its behalf.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !own(event.url)) event.preventDefault();
  });

  // A redirect is never the user's choice, so a redirect away from the app is only refused.
  contents.on('will-redirect', (event) => {
    if (!own(event.url)) event.preventDefault();
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
 * The app saves its documents through `<a download>` on a blob: URL it made itself
 * (renderer/src/lib/download.ts). A blob: URL can only be minted by a page of this session, and
 * every page of it is the app's own (navigation is locked above), so blob: is the app's; a
 * download of anything else (a web or file URL that slipped past the guards) is refused.
 */
export function isOwnDownload(url: string): boolean {
  return url.startsWith('blob:') || isAppUrl(url);
}

/**
 * Deny-by-default for the session: the app needs no camera, microphone, location,
 * notifications, clipboard reading or any other permission. Every response also carries the
 * app's content security policy, whoever served it.
 */
export function installSessionGuards(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
  session.on('will-download', (event, item) => {
    if (!isOwnDownload(item.getURL())) event.preventDefault();
  });
}
