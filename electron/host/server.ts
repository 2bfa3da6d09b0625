import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, lstatSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Result } from '@shared/contract/define';
import { uploadMeta, type StoredFile, type UploadMeta } from '@shared/contract/files';
import { zodIssuesToError } from '@main/api/dispatch';
import { SECURITY_HEADERS } from '@main/security/csp';

/**
 * The browser host: the same dispatcher the Electron IPC uses, served over HTTP on the
 * loopback interface only. Three guards keep other programs and web pages out:
 * - it listens on 127.0.0.1, never on a public interface;
 * - the Host header must name this loopback port (defeats DNS rebinding) and a present
 *   Origin must be this host (a page of another origin cannot call it);
 * - every API call carries the per-start secret token, which the page receives in the URL
 *   fragment printed at start-up (fragments are never sent to servers or in Referer).
 */

export const TOKEN_HEADER = 'x-rc-token';
export const API_PREFIX = '/api/call/';
/** Streamed attachments: `POST /api/upload?name=…&size=…` with the token, the body the file itself. */
export const UPLOAD_PATH = '/api/upload';
/**
 * A stored file read back: `GET /api/file/<sha-256>` with the token, streamed (a 50 MB PDF is not
 * put inside a JSON answer). Always `application/octet-stream` and `attachment`: the page saves
 * it under the name it knows, the browser never renders it as a page of this origin.
 */
export const FILE_PREFIX = '/api/file/';
/**
 * A call's JSON: forms, never files (attachments come by UPLOAD_PATH). 4 MiB is far above any
 * form and bounds the time JSON.parse can take; the dispatcher bounds the shape after it.
 */
export const MAX_BODY = 4 * 1024 * 1024;
/** One user's browser opens a handful of connections; more is someone else's program. */
export const MAX_CONNECTIONS = 64;

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export interface HostOptions {
  dispatch: (name: string, payload: unknown) => Promise<Result<unknown>>;
  /** Stores an uploaded attachment (the app's file store); uploads are refused when absent. */
  upload?: (meta: UploadMeta, body: Readable) => Promise<Result<StoredFile>>;
  /** Opens a stored file by its hash; a refusal (unknown, missing) as a Result. */
  download?: (hash: string) => Result<{ size: number; stream: Readable }>;
  /** The built renderer (vite's output); API only when absent. */
  staticDir?: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  /** The URL to open: carries the token in the fragment. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8') {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function refuse(res: http.ServerResponse, status: number, message: string) {
  send(res, status, JSON.stringify({ ok: false, error: { code: 'validation', message } }));
}

/** RFC 9112 §3.2: a request with more than one Host header is answered 400. Node keeps only the first. */
export function hostHeaderCount(req: http.IncomingMessage): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === 'host') count++;
  return count;
}

/** decodeURIComponent, or null for a malformed escape («%E0%A4%A»): bad input, answered 400, never 500. */
function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse) {
  const root = path.resolve(staticDir);
  const wanted = decoded(urlPath);
  if (wanted === null || wanted.includes('\0')) return send(res, 400, 'Неверный адрес', 'text/plain; charset=utf-8');
  let file = path.resolve(root, `.${wanted}`);
  if (!file.startsWith(root + path.sep) && file !== root) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  // lstat, never open first: a FIFO or a link planted in the folder is not served (a FIFO would block the reading thread).
  if (!isRegularFile(file)) file = path.join(root, 'index.html');
  if (!isRegularFile(file)) return send(res, 404, 'Интерфейс не собран: выполните npm run build', 'text/plain; charset=utf-8');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  });
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;
  const upload = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    if (req.method !== 'POST') return refuse(res, 405, 'Метод не поддерживается');
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token))
      return refuse(res, 401, 'Нет доступа: откройте приложение по адресу, напечатанному при запуске');
    if (!options.upload) return refuse(res, 404, 'Загрузка файлов не поддерживается');
    const meta = uploadMeta.safeParse(Object.fromEntries(url.searchParams));
    if (!meta.success) return send(res, 400, JSON.stringify({ ok: false, error: zodIssuesToError(meta.error) }));
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > meta.data.size) return refuse(res, 413, 'Файл больше заявленного размера');
    const result = await options.upload(meta.data, req);
    // A refused upload may leave the rest of its body unread: the connection goes with the answer.
    if (!result.ok) res.setHeader('Connection', 'close');
    return send(res, result.ok ? 200 : 400, JSON.stringify(result));
  };
  const download = (req: http.IncomingMessage, res: http.ServerResponse, name: string) => {
    if (req.method !== 'GET') return refuse(res, 405, 'Метод не поддерживается');
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token))
      return refuse(res, 401, 'Нет доступа: откройте приложение по адресу, напечатанному при запуске');
    // Only a hash names a stored file: «../resource-center.sqlite» never becomes a path.
    if (!/^[0-9a-f]{64}$/.test(name)) return refuse(res, 400, 'Неверное имя файла хранилища');
    if (!options.download) return refuse(res, 404, 'Файлы не выдаются');
    const opened = options.download(name);
    if (!opened.ok) return send(res, 404, JSON.stringify(opened));
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': 'attachment',
      'Content-Length': String(opened.value.size),
      'Cache-Control': 'no-store',
    });
    opened.value.stream.on('error', () => res.destroy()).pipe(res);
  };
  const server = http.createServer((req, res) => {
    void (async () => {
      if (hostHeaderCount(req) > 1) return refuse(res, 400, 'Запрос отклонён: заголовок Host указан больше одного раза');
      if (!isAllowedHost(req.headers.host, port)) return refuse(res, 421, 'Запрос к приложению отклонён: неверный адрес');
      if (!isAllowedOrigin(req.headers.origin, port)) return refuse(res, 403, 'Запрос с чужой страницы отклонён');
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      } catch {
        return refuse(res, 400, 'Неверный адрес запроса');
      }
      if (url.pathname === UPLOAD_PATH) return upload(req, res, url);
      if (url.pathname.startsWith(FILE_PREFIX)) return download(req, res, url.pathname.slice(FILE_PREFIX.length));
      if (url.pathname.startsWith(API_PREFIX)) {
        if (req.method !== 'POST') return refuse(res, 405, 'Метод не поддерживается');
        if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token))
          return refuse(res, 401, 'Нет доступа: откройте приложение по адресу, напечатанному при запуске');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'Ожидаются данные в формате JSON');
        let payload: unknown;
        try {
          const body = await readBody(req);
          payload = body ? JSON.parse(body) : undefined;
        } catch {
          return refuse(res, 400, 'Запрос повреждён или слишком велик');
        }
        const name = decoded(url.pathname.slice(API_PREFIX.length));
        if (name === null) return refuse(res, 400, 'Неверный адрес запроса');
        const result = await options.dispatch(name, payload);
        return send(res, 200, JSON.stringify(result));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Метод не поддерживается');
      if (!options.staticDir) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return serveStatic(options.staticDir, url.pathname, res);
    })().catch((error: unknown) => {
      // Only a bug of the host itself gets here: input is answered above, the dispatcher answers in envelopes.
      console.error('Browser host request failed', error);
      if (!res.headersSent)
        send(res, 500, JSON.stringify({ ok: false, error: { code: 'internal', message: 'Внутренняя ошибка приложения' } }));
    });
  });
  server.maxConnections = MAX_CONNECTIONS;
  // Node answers a request it cannot parse (a malformed request line or header) with 400 itself.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
