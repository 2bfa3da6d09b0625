import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MIME } from '@main/host/server';
import { SECURITY_HEADERS } from '@main/security/csp';
import { APP_HOST, APP_SCHEME } from './origin';

/**
 * app:// must be registered before the app is ready. `standard` gives it real URLs and
 * relative paths (vite's `base: './'`), `secure` makes it a secure context like https; no
 * CORS or service-worker privileges are granted because nothing needs them.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * The file under `root` that an app:// URL names, or undefined when the URL points anywhere
 * else: another host, an encoded `..` or backslash escaping the folder, a NUL byte.
 */
export function resolveAppFile(root: string, url: string): string | undefined {
  let parsed: URL;
  let pathname: string;
  try {
    parsed = new URL(url);
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '') return undefined;
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const base = path.resolve(root);
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(base, relative);
  if (file !== base && !file.startsWith(base + path.sep)) return undefined;
  return file;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Serves the built renderer from `root` with the app's security headers on every answer. */
export function createAppProtocolHandler(
  root: string,
  read: (file: string) => Promise<Buffer> = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppFile(root, request.url);
    if (!file) return plain(404, 'Not found');
    let body: Buffer;
    try {
      body = await read(file);
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' },
    });
  };
}

export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
