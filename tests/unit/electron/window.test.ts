import type { MenuItemConstructorOptions, WebPreferences } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '@main/window/menu';
import { buildWindowOptions } from '@main/window/window';

/** The preferences of Electron's security checklist, each with the only value the app accepts. */
const CHECKLIST: Required<
  Pick<
    WebPreferences,
    | 'contextIsolation'
    | 'sandbox'
    | 'nodeIntegration'
    | 'nodeIntegrationInWorker'
    | 'nodeIntegrationInSubFrames'
    | 'webSecurity'
    | 'allowRunningInsecureContent'
    | 'experimentalFeatures'
    | 'webviewTag'
    | 'navigateOnDragDrop'
  >
> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
};

describe('the application window', () => {
  const options = buildWindowOptions('/app/dist/electron/preload.cjs');

  it('isolates the page from Node and Electron, with every checklist preference stated', () => {
    expect(options.webPreferences).toMatchObject({ preload: '/app/dist/electron/preload.cjs', ...CHECKLIST });
    // Stated, not left to Electron's defaults, so a changed default cannot weaken the window.
    for (const key of Object.keys(CHECKLIST)) expect(options.webPreferences, key).toHaveProperty(key);
  });

  it('enables no Blink feature, passes no extra arguments to the renderer and no spellchecker', () => {
    const preferences: WebPreferences = options.webPreferences;
    expect(preferences.enableBlinkFeatures).toBeUndefined();
    expect(preferences.additionalArguments).toBeUndefined();
    expect(preferences.spellcheck).toBe(false);
    expect(preferences.safeDialogs).toBe(true);
  });

  it('has developer tools only when asked for (unpackaged runs)', () => {
    expect(options.webPreferences.devTools).toBe(false);
    expect(buildWindowOptions('p', { devTools: true }).webPreferences.devTools).toBe(true);
  });

  it('is titled in Russian, sized for an office screen and shown only when ready', () => {
    expect(options.title).toBe('Ресурсный центр');
    expect(options.show).toBe(false);
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 640 });
    expect(options.minWidth! <= options.width! && options.width! <= 1366).toBe(true);
    expect(options.minHeight).toBeLessThanOrEqual(728);
  });

  it('has a menu whose every item is labelled in Russian and offers no developer tools', () => {
    const submenu = (item: MenuItemConstructorOptions) => (Array.isArray(item.submenu) ? item.submenu : []);
    const items = menuTemplate()
      .flatMap((top) => [top, ...submenu(top)])
      .filter((item) => item.type !== 'separator');
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) expect(item.label).toMatch(/^[А-ЯЁа-яё ]+$/);
    expect(JSON.stringify(menuTemplate())).not.toMatch(/toggleDevTools|forceReload/i);
  });
});
