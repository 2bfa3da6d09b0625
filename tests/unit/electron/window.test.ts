import { describe, expect, it } from 'vitest';
import { menuTemplate } from '@main/window/menu';
import { buildWindowOptions } from '@main/window/window';

describe('the application window', () => {
  const options = buildWindowOptions('/app/dist/electron/preload.cjs');

  it('isolates the page from Node and Electron', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and refuses webviews, insecure content and dropped files', () => {
    expect(options.webPreferences).toMatchObject({
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('has developer tools only when asked for (unpackaged runs)', () => {
    expect(options.webPreferences.devTools).toBe(false);
    expect(buildWindowOptions('p', { devTools: true }).webPreferences.devTools).toBe(true);
  });

  it('is titled in Russian, sized for an office screen and shown only when ready', () => {
    expect(options.title).toBe('Ресурсный центр');
    expect(options.show).toBe(false);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth);
    expect(options.minWidth).toBeLessThanOrEqual(1366);
    expect(options.minHeight).toBeLessThanOrEqual(728);
  });

  it('has a menu whose every item is labelled in Russian and offers no developer tools', () => {
    const items = menuTemplate()
      .flatMap((top) => [top, ...(top.submenu ?? [])])
      .filter((item) => item.type !== 'separator');
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) expect(item.label).toMatch(/^[А-ЯЁа-яё ]+$/);
    expect(JSON.stringify(menuTemplate())).not.toMatch(/toggleDevTools|forceReload/i);
  });
});
