import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '@shared/contract/define';
import { API_PREFIX, startHost, TOKEN_HEADER, type RunningHost } from '@main/host/server';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw http.request, because fetch will not let a test forge the Host header. */
function request(
  host: RunningHost,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        // setHost:false lets the test send exactly the Host header it wants (or none).
        setHost: false,
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    // The host answers a body past its bound before reading the rest and closes the connection:
    // the write still under way then fails on a socket the finished request no longer listens to.
    // The reply is what the test checks; the broken write is expected.
    req.on('socket', (socket) => socket.on('error', () => undefined));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const dispatch = vi.fn(async (name: string, payload: unknown): Promise<Result<unknown>> => ({ ok: true, value: { name, payload } }));

let host: RunningHost;
let root: string;

function callApi(headers: Record<string, string>, body = JSON.stringify({ text: 'привет' })) {
  return request(host, { method: 'POST', path: `${API_PREFIX}test.echo`, headers, body });
}

const good = () => ({ [TOKEN_HEADER]: host.token, 'Content-Type': 'application/json' });

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'rc-host-'));
  const staticDir = path.join(root, 'ui');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Ресурсный центр</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  // A secret next to the static folder that traversal must not reach.
  writeFileSync(path.join(root, 'secret.txt'), 'SECRET-DATA');
  host = await startHost({ dispatch, staticDir });
});

afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

describe('browser host', () => {
  it('listens on the loopback address only and prints the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.openUrl).toBe(`${host.url}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('binds its socket to 127.0.0.1, not to every interface', () => {
    // Read from the kernel's socket table rather than by connecting to another address of
    // this machine: the listening socket itself shows where the host can be reached.
    if (process.platform !== 'linux') return;
    const portHex = host.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = [readFileSync('/proc/net/tcp', 'utf8'), existsSync('/proc/net/tcp6') ? readFileSync('/proc/net/tcp6', 'utf8') : '']
      .join('\n')
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      // state 0A = LISTEN
      .filter((cols) => cols[1]?.endsWith(`:${portHex}`) && cols[3] === '0A')
      .map((cols) => cols[1]!.split(':')[0]);
    expect(listening).toEqual(['0100007F']);
  });

  it('answers a correct call with the dispatcher envelope', async () => {
    dispatch.mockClear();
    const reply = await callApi(good());
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { name: 'test.echo', payload: { text: 'привет' } } });
    expect(dispatch).toHaveBeenCalledOnce();
  });

  it('accepts localhost as the host name too', async () => {
    const reply = await callApi({ ...good(), Host: `localhost:${host.port}`, Origin: `http://localhost:${host.port}` });
    expect(reply.status).toBe(200);
  });

  it('refuses a missing or wrong token without calling the dispatcher', async () => {
    dispatch.mockClear();
    const missing = await callApi({ 'Content-Type': 'application/json' });
    const wrong = await callApi({ ...good(), [TOKEN_HEADER]: `${host.token.slice(0, -1)}x` });
    const shorter = await callApi({ ...good(), [TOKEN_HEADER]: host.token.slice(0, 10) });
    for (const reply of [missing, wrong, shorter]) {
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body).error.message).toMatch(/Нет доступа/);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a foreign Host header (DNS rebinding) before anything else', async () => {
    dispatch.mockClear();
    for (const hostHeader of [`evil.example:${host.port}`, 'evil.example', `127.0.0.1:${host.port + 1}`]) {
      const api = await callApi({ ...good(), Host: hostHeader });
      expect(api.status).toBe(421);
      const page = await request(host, { path: '/', headers: { Host: hostHeader } });
      expect(page.status).toBe(421);
    }
    const none = await request(host, { path: '/', headers: { Host: '' } });
    expect(none.status).toBe(421);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call from a page of another origin', async () => {
    dispatch.mockClear();
    for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null']) {
      const reply = await callApi({ ...good(), Origin: origin });
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body).error.message).toMatch(/чужой страницы/);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('accepts only JSON bodies and POST for calls', async () => {
    dispatch.mockClear();
    const form = await callApi({ ...good(), 'Content-Type': 'application/x-www-form-urlencoded' }, 'text=1');
    expect(form.status).toBe(415);
    const plain = await callApi({ ...good(), 'Content-Type': 'text/plain' });
    expect(plain.status).toBe(415);
    const broken = await callApi(good(), '{"text": ');
    expect(broken.status).toBe(400);
    const get = await request(host, { path: `${API_PREFIX}test.echo`, headers: good() });
    expect(get.status).toBe(405);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('serves the UI with a strict content security policy', async () => {
    const page = await request(host, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Ресурсный центр');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    const script = await request(host, { path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('never serves a file outside the UI folder', async () => {
    for (const p of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/../../../../etc/passwd',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ]) {
      const reply = await request(host, { path: p });
      expect(reply.body, p).not.toContain('SECRET-DATA');
      expect(reply.body, p).not.toMatch(/root:.*:0:0:/);
    }
  });

  it('answers 400, never 500, to a malformed escape, on the API and on the static path without a token', async () => {
    for (const p of ['/%E0%A4%A', '/assets/%ZZ', '/%', `${API_PREFIX}%E0%A4%A`]) {
      const reply = await request(host, {
        method: p.startsWith(API_PREFIX) ? 'POST' : 'GET',
        path: p,
        headers: p.startsWith(API_PREFIX) ? good() : {},
        body: p.startsWith(API_PREFIX) ? '{}' : undefined,
      });
      expect(reply.status, p).toBe(400);
    }
  });

  it('answers 400 to two Host headers (RFC 9112)', async () => {
    dispatch.mockClear();
    const reply = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: host.port, method: 'POST', path: `${API_PREFIX}test.echo`, setHost: false, headers: good() },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      // Node joins no Host headers itself: the raw list carries both.
      req.setHeader('Host', [`127.0.0.1:${host.port}`, `127.0.0.1:${host.port}`]);
      req.on('error', reject);
      req.end('{}');
    });
    expect(reply).toBe(400);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('limits its connections and refuses a body larger than any form quickly', async () => {
    const { MAX_CONNECTIONS, MAX_BODY } = await import('@main/host/server');
    expect(MAX_CONNECTIONS).toBeLessThanOrEqual(64);
    // A 10-million-element array is 20 MB of JSON: refused by size before it is parsed or walked.
    const huge = `[${'0,'.repeat(10_000_000)}0]`;
    expect(huge.length).toBeGreaterThan(MAX_BODY);
    const reply = await callApi(good(), huge);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toMatch(/слишком велик/);
  });
});

describe('the payload bound of the dispatcher', () => {
  it('refuses a huge array before zod walks it, in Russian, whatever the transport (IPC too)', async () => {
    const { inputLimitProblem } = await import('@main/api/inputLimits');
    const array = new Array(10_000_000).fill(0);
    expect(inputLimitProblem({ ids: array })).toMatch(/список длиннее 10000 элементов/);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(inputLimitProblem(deep)).toMatch(/вложенность/);
    expect(inputLimitProblem({ a: [1, 2, { b: 'текст' }] })).toBeNull();
  });
});
