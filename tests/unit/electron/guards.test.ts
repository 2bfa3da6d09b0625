import { describe, expect, it } from 'vitest';
import { installSessionGuards, installWebContentsGuards, isOwnDownload } from '@main/window/guards';
import { CONTENT_SECURITY_POLICY } from '@main/security/csp';
import { type Permission, StandInContents, StandInSession, standIn } from './stand-ins';
import type { OnHeadersReceivedListenerDetails, USBDevice } from 'electron';

function guarded() {
  const contents = new StandInContents();
  const opened: string[] = [];
  installWebContentsGuards(contents.asWebContents(), { openExternal: (url) => void opened.push(url) });
  return { contents, opened };
}

describe('navigation guards', () => {
  it('refuses navigation to a web site and hands the link to the system browser', () => {
    const { contents, opened } = guarded();
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
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
      expect(contents.navigate('will-navigate', url)).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('lets the app reload its own page', () => {
    const { contents, opened } = guarded();
    expect(contents.navigate('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://renderer/index.html#/plan')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('refuses redirects away from the app without opening anything', () => {
    const { contents, opened } = guarded();
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', 'app://renderer/index.html')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('keeps any frame on the app, opening nothing on its behalf', () => {
    const { contents, opened } = guarded();
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/', false)).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'file:///C:/Users/', false)).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'app://renderer/index.html', false)).toBe(false);
    // The main frame's navigation is judged once, by 'will-navigate'.
    expect(contents.navigate('will-frame-navigate', 'https://example.org/', true)).toBe(false);
    expect(opened).toEqual([]);
  });

  it('never opens a new window; web links go to the system browser', () => {
    const { contents, opened } = guarded();
    expect(contents.open('https://минобрнауки.рф/')).toEqual({ action: 'deny' });
    expect(contents.open('http://example.org/doc')).toEqual({ action: 'deny' });
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
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([]);
  });

  it('survives a system browser that cannot be started', () => {
    const contents = new StandInContents();
    installWebContentsGuards(contents.asWebContents(), {
      openExternal: () => {
        throw new Error('no browser');
      },
    });
    expect(contents.open('https://example.org/')).toEqual({ action: 'deny' });
    const rejecting = new StandInContents();
    installWebContentsGuards(rejecting.asWebContents(), { openExternal: () => Promise.reject(new Error('no browser')) });
    expect(rejecting.navigate('will-navigate', 'https://example.org/')).toBe(true);
  });

  it('prevents attaching a webview', () => {
    const { contents } = guarded();
    expect(contents.attachWebview()).toBe(true);
  });

  it('picks no Bluetooth device on its own', () => {
    const { contents } = guarded();
    expect(contents.selectBluetooth([{ deviceId: 'a1', deviceName: 'Гарнитура' }])).toEqual({ prevented: true, chosen: [''] });
  });
});

describe('session guards', () => {
  function guardedSession() {
    const session = new StandInSession();
    installSessionGuards(session.asSession());
    return session;
  }

  it('denies every permission request and check', () => {
    const session = guardedSession();
    const permissions: Permission[] = [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
      'usb',
      'unknown',
    ];
    for (const permission of permissions) {
      expect(session.ask(permission)).toEqual([false]);
      expect(session.check?.(null, permission, 'app://renderer', { isMainFrame: true, requestingUrl: 'app://renderer/index.html' })).toBe(
        false,
      );
    }
    expect(
      session.device?.({
        deviceType: 'usb',
        origin: 'app://renderer',
        device: standIn<USBDevice>({ deviceId: '1', productName: 'Флешка', vendorId: 0x0781, productId: 0x5567 }),
      }),
    ).toBe(false);
  });

  it('puts the strict content security policy on every response, replacing a weaker one', () => {
    const session = guardedSession();
    let answer: Record<string, string | string[]> | undefined;
    const details = standIn<OnHeadersReceivedListenerDetails>({
      url: 'app://renderer/index.html',
      responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
    });
    session.headers?.(details, (response) => (answer = response.responseHeaders));
    expect(answer?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(answer?.['content-security-policy']).toBeUndefined();
    expect(answer?.['Content-Type']).toEqual(['text/html']);
    expect(answer?.['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('lets the app save the documents it made, and refuses any other download', () => {
    const session = guardedSession();
    expect(session.download('blob:app://renderer/5b2f7c1e-8a41-4f0e-9d1e-2f3a4b5c6d7e')).toBe(false);
    for (const url of [
      'https://evil.example/setup.exe',
      'file:///C:/Windows/win.ini',
      'data:application/octet-stream;base64,TVqQ',
      'smb://server/share/x.docx',
    ]) {
      expect(session.download(url), url).toBe(true);
    }
    expect(isOwnDownload('app://renderer/index.html')).toBe(true);
  });
});
