import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { GuardedSession, GuardedWebContents, HeadersDetails, PreventableEvent, WindowOpenDetails } from '@main/window/electron-api';
import { installSessionGuards, installWebContentsGuards } from '@main/window/guards';
import { CONTENT_SECURITY_POLICY } from '@main/security/csp';

/** A stand-in for Electron's WebContents: an EventEmitter plus the window-open hook. */
class FakeContents extends EventEmitter {
  openHandler?: (details: WindowOpenDetails) => { action: 'deny' };
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  /** Emits an event the way Electron does and tells whether a listener prevented it. */
  fire(name: string, url?: string): boolean {
    let prevented = false;
    const event: PreventableEvent = { preventDefault: () => (prevented = true) };
    this.emit(name, event, url);
    return prevented;
  }
}

function guarded() {
  const contents = new FakeContents();
  const opened: string[] = [];
  installWebContentsGuards(contents as unknown as GuardedWebContents, { openExternal: (url) => void opened.push(url) });
  return { contents, opened };
}

describe('navigation guards', () => {
  it('refuses navigation to a web site and hands the link to the system browser', () => {
    const { contents, opened } = guarded();
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(opened).toEqual(['https://evil.example/']);
  });

  it('refuses navigation to local files and scripts without opening them', () => {
    const { contents, opened } = guarded();
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'app://other/index.html',
      'app://renderer.evil.example/x',
      'about:blank',
    ]) {
      expect(contents.fire('will-navigate', url)).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('lets the app reload its own page', () => {
    const { contents, opened } = guarded();
    expect(contents.fire('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(contents.fire('will-navigate', 'app://renderer/index.html#/plan')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('refuses redirects away from the app without opening anything', () => {
    const { contents, opened } = guarded();
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-redirect', 'app://renderer/index.html')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('never opens a new window; web links go to the system browser', () => {
    const { contents, opened } = guarded();
    expect(contents.openHandler?.({ url: 'https://минобрнауки.рф/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'http://example.org/doc' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://минобрнауки.рф/', 'http://example.org/doc']);
  });

  it('never opens file:, javascript: or other schemes from window.open', () => {
    const { contents, opened } = guarded();
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'app://renderer/index.html',
      'https://user:pw@example.org/',
    ]) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([]);
  });

  it('survives a system browser that cannot be started', () => {
    const contents = new FakeContents();
    installWebContentsGuards(contents as unknown as GuardedWebContents, {
      openExternal: () => {
        throw new Error('no browser');
      },
    });
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const rejecting = new FakeContents();
    installWebContentsGuards(rejecting as unknown as GuardedWebContents, { openExternal: () => Promise.reject(new Error('no browser')) });
    expect(rejecting.fire('will-navigate', 'https://example.org/')).toBe(true);
  });

  it('prevents attaching a webview', () => {
    const { contents } = guarded();
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('picks no Bluetooth device on its own', () => {
    const { contents } = guarded();
    const chosen: string[] = [];
    let prevented = false;
    contents.emit('select-bluetooth-device', { preventDefault: () => (prevented = true) }, [{ deviceId: 'a1' }], (id: string) =>
      chosen.push(id),
    );
    expect(prevented).toBe(true);
    expect(chosen).toEqual(['']);
  });
});

describe('session guards', () => {
  type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
  type CheckHandler = (wc: unknown, permission: string) => boolean;
  type DeviceHandler = (details: unknown) => boolean;
  type HeadersListener = (details: HeadersDetails, callback: (r: { responseHeaders?: Record<string, string | string[]> }) => void) => void;

  function fakeSession() {
    const installed: { request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler; headers?: HeadersListener } = {};
    const session: GuardedSession = {
      setPermissionRequestHandler: (handler) => void (installed.request = handler),
      setPermissionCheckHandler: (handler) => void (installed.check = handler),
      setDevicePermissionHandler: (handler) => void (installed.device = handler),
      webRequest: { onHeadersReceived: (listener) => void (installed.headers = listener) },
    };
    installSessionGuards(session);
    return installed;
  }

  it('denies every permission request and check', () => {
    const session = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'unknown']) {
      const answers: boolean[] = [];
      session.request?.({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(session.check?.({}, permission)).toBe(false);
    }
    expect(session.device?.({ deviceType: 'usb', origin: 'app://renderer' })).toBe(false);
  });

  it('puts the strict content security policy on every response, replacing a weaker one', () => {
    const session = fakeSession();
    let answer: Record<string, string | string[]> | undefined;
    session.headers?.(
      {
        url: 'app://renderer/index.html',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      },
      (response) => (answer = response.responseHeaders),
    );
    expect(answer?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(answer?.['content-security-policy']).toBeUndefined();
    expect(answer?.['Content-Type']).toEqual(['text/html']);
    expect(answer?.['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});
