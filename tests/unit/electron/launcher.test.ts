import { describe, expect, it } from 'vitest';
import { BROWSER_FALLBACK_LINE, canShowWindow, chooseLaunch, detectElectron } from '@main/launcher/detect';

const missingModule = () => {
  throw Object.assign(new Error("Cannot find module 'electron'\nRequire stack: ..."), { code: 'MODULE_NOT_FOUND' });
};

describe('npm start', () => {
  it('falls back to the browser host when the electron package is absent', () => {
    const detection = detectElectron({ loadElectron: missingModule });
    expect(detection).toEqual({ available: false, reason: "Cannot find module 'electron'" });
    expect(chooseLaunch(detection, true)).toEqual({ kind: 'browser', line: BROWSER_FALLBACK_LINE });
  });

  it('falls back when the package is there but its binary download failed', () => {
    const failed = detectElectron({
      loadElectron: () => {
        throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
      },
    });
    expect(chooseLaunch(failed, true).kind).toBe('browser');
    const vanished = detectElectron({ loadElectron: () => '/repo/node_modules/electron/dist/electron', exists: () => false });
    expect(chooseLaunch(vanished, true).kind).toBe('browser');
  });

  it('starts Electron when its binary exists and a window can be shown', () => {
    const detection = detectElectron({
      loadElectron: () => '/e/electron',
      exists: (file) => file === '/e/electron',
      electronVersion: () => '41.7.1',
    });
    expect(chooseLaunch(detection, true)).toEqual({ kind: 'electron', path: '/e/electron', version: '41.7.1' });
    expect(chooseLaunch(detection, false).kind).toBe('browser');
  });

  it('knows when there is no display to show a window on', () => {
    expect(canShowWindow('linux', {})).toBe(false);
    expect(canShowWindow('linux', { DISPLAY: ':0' })).toBe(true);
    expect(canShowWindow('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(canShowWindow('win32', {})).toBe(true);
  });

  it('says so in one line, in Russian and English', () => {
    expect(BROWSER_FALLBACK_LINE).not.toContain('\n');
    expect(BROWSER_FALLBACK_LINE).toMatch(/Electron недоступен.*браузере/);
    expect(BROWSER_FALLBACK_LINE).toMatch(/Electron is not available.*browser/);
  });
});
