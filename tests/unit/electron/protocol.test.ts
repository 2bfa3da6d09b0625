import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CustomScheme } from 'electron';
import { createAppProtocolHandler, registerAppScheme, resolveAppFile } from '@main/window/protocol';
import { CONTENT_SECURITY_POLICY } from '@main/security/csp';

const base = mkdtempSync(path.join(os.tmpdir(), 'rc-protocol-'));
const root = path.join(base, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Ресурсный центр</title>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
// A secret next to the served folder, which no app:// URL may reach.
writeFileSync(path.join(base, 'resource-center.sqlite'), 'secret');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = createAppProtocolHandler(root);
const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    const registered: CustomScheme[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => void registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the renderer with the security headers', async () => {
    const response = await get('app://renderer/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Ресурсный центр');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');

    const script = await get('app://renderer/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://renderer/')).status).toBe(200);
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    for (const url of [
      'app://renderer/%2e%2e/resource-center.sqlite',
      'app://renderer/..%2fresource-center.sqlite',
      'app://renderer/assets/%2e%2e%2f%2e%2e%2fresource-center.sqlite',
      'app://renderer/..%5cresource-center.sqlite',
      'app://renderer/index.html%00.png',
      `app://renderer/${encodeURIComponent(path.join(base, 'resource-center.sqlite'))}`,
      'app://renderer/%E0%A4%A',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('answers only for its own host and only to reads', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://renderer/missing.js')).status).toBe(404);
    expect((await get('app://renderer/index.html', 'POST')).status).toBe(405);
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeUndefined();
    expect(resolveAppFile(root, 'app://renderer/..%2fresource-center.sqlite')).toBeUndefined();
    expect(resolveAppFile(root, 'app://renderer/assets/..%2f..%2f..%2fresource-center.sqlite')).toBeUndefined();
    expect(resolveAppFile(root, 'app://renderer/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });
});
