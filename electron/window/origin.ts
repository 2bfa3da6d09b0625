/**
 * The renderer is served from a privileged custom scheme instead of file://, so that it has a
 * real, narrow origin: everything else (file:, http:, other app hosts) is foreign to it.
 * Node's URL gives `origin === 'null'` for non-special schemes, so URLs are compared by their
 * parts, never by `.origin`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True only for app://renderer/... with no credentials or port that could disguise another host. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string') return false;
  const parsed = parse(url);
  return (
    parsed !== undefined &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Web links the user may follow in the system browser; every other scheme (file:, javascript:, smb:...) is never opened. */
export function isExternalWebUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== undefined &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
